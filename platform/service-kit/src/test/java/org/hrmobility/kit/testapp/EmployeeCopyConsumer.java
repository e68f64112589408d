package org.hrmobility.kit.testapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.hrmobility.contracts.employee.EmployeeEvents;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.kit.inbox.Inbox;
import org.hrmobility.kit.observability.TraceContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Mono;

/**
 * A consumer the way services write them: the local copy of master data, applied through the inbox. An
 * employee named {@code POISON} fails while {@link #broken} is set, to play a bug that is later fixed.
 */
@Configuration
public class EmployeeCopyConsumer {

    public static final String CONSUMER = "kittest-employee-copy";
    public static final AtomicBoolean broken = new AtomicBoolean();
    public static final AtomicInteger poisonAttempts = new AtomicInteger();
    /** The trace id this consumer worked under, per employee id: the trace must continue across Kafka. */
    public static final Map<String, String> traceIds = new ConcurrentHashMap<>();

    @Bean
    Consumer<Message<byte[]>> employeeCopy(Inbox inbox, DatabaseClient db, TraceContext trace) {
        return message -> inbox.handleOnce(CONSUMER, message, event -> {
            EmployeeUpserted employee = event.payload(EmployeeEvents.EMPLOYEE_UPSERTED);
            String traceparent = trace.traceparent();
            if (traceparent != null) {
                traceIds.put(employee.employeeId(), traceparent.split("-")[1]);
            }
            if ("POISON".equals(employee.name())) {
                poisonAttempts.incrementAndGet();
                if (broken.get()) {
                    return Mono.error(new IllegalStateException("cannot copy employee " + employee.employeeId()));
                }
            }
            return db.sql("""
                            insert into employee_copy (employee_id, name, grade, applied_count)
                            values (:id, :name, :grade, 1)
                            on conflict (employee_id) do update
                            set name = excluded.name, grade = excluded.grade,
                                applied_count = employee_copy.applied_count + 1""")
                    .bind("id", employee.employeeId())
                    .bind("name", employee.name())
                    .bind("grade", employee.grade())
                    .then();
        });
    }
}
