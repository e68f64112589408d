-- long enough for KitSchemaIT to cut the connection while it runs
select pg_sleep(3);
create table slow_table (id int primary key);
insert into slow_table values (1);
