package org.hrmobility.devstack;

import java.util.List;

/**
 * Runs the devstack alone until Ctrl-C, with the databases of every service. Settings as in
 * {@link DevstackSettings}.
 */
public final class DevstackMain {

    public static final List<String> SERVICE_DATABASES = List.of("mobility", "redeployment", "evaluation", "notification");

    private DevstackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Devstack stack;
        try {
            stack = Devstack.start(DevstackSettings.fromEnvironment());
        } catch (DevstackException e) {
            System.err.println("devstack: " + e.getMessage());
            System.exit(2);
            return;
        }
        SERVICE_DATABASES.forEach(stack::createDatabase);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "devstack-shutdown"));
        Devstack.Endpoints e = stack.endpoints();
        System.out.printf("devstack ready in %d ms%n  Kafka       %s%n  PostgreSQL  %s (user %s)%n  data        %s%n",
                stack.startMillis(), e.kafkaBootstrapServers(), e.postgresAdminUrl(), e.postgresUser(),
                stack.dataDirectory());
        Thread.currentThread().join();
    }
}
