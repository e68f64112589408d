package org.hrmobility.peer;

import java.util.List;

import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The suite's demo people who act in the flow, as engine users with their groups (password = user id, as in the
 * suite's development identity provider): hana, a case handler; lars, a line manager.
 */
@Component
class DemoUsers implements ApplicationRunner {

    static final String CASE_HANDLERS = "hrCaseHandlers";
    static final String LINE_MANAGERS = "lineManagers";

    private record Person(String id, String firstName, String lastName, String group) {
    }

    private static final List<Person> PEOPLE = List.of(new Person("hana", "Hana", "Claes", CASE_HANDLERS),
            new Person("lars", "Lars", "Peeters", LINE_MANAGERS));

    private final IdentityService identity;

    DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String groupId : List.of(CASE_HANDLERS, LINE_MANAGERS)) {
            if (identity.createGroupQuery().groupId(groupId).count() == 0) {
                Group group = identity.newGroup(groupId);
                group.setName(groupId);
                group.setType("WORKFLOW");
                identity.saveGroup(group);
            }
        }
        for (Person person : PEOPLE) {
            if (identity.createUserQuery().userId(person.id()).count() == 0) {
                User user = identity.newUser(person.id());
                user.setFirstName(person.firstName());
                user.setLastName(person.lastName());
                user.setPassword(person.id());
                identity.saveUser(user);
                identity.createMembership(person.id(), person.group());
            }
        }
    }
}
