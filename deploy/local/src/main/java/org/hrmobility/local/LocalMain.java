package org.hrmobility.local;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.hrmobility.contracts.employee.EmployeeEvents;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.devstack.DevstackException;
import org.hrmobility.local.identity.IdentityProviderApplication;
import org.hrmobility.local.launcher.LaunchException;
import org.hrmobility.local.launcher.LocalSuite;
import org.hrmobility.local.launcher.SuiteOptions;
import org.hrmobility.local.masterdata.MasterDataFiles;
import org.hrmobility.local.masterdata.MasterDataPublisher;

/**
 * {@code java -jar hrm-local.jar [command]}:
 * <ul>
 *   <li>{@code up [--data-dir DIR] [--only a,b]} (default): run the whole suite until Ctrl-C;</li>
 *   <li>{@code identity-provider}: run only the development identity provider;</li>
 *   <li>{@code import-employees FILE [BOOTSTRAP]}: publish a CSV of employees as master data (only what changed);</li>
 *   <li>{@code rehearse}: start and stop what the launcher runs itself, on free ports (how its start cache is trained).</li>
 * </ul>
 */
public final class LocalMain {

    private LocalMain() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 || args[0].startsWith("--") ? "up" : args[0];
        String[] rest = args.length == 0 || args[0].startsWith("--") ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (command) {
                case "up" -> up(rest);
                case "identity-provider" -> IdentityProviderApplication.main(rest);
                case "import-employees" -> importEmployees(rest);
                case "rehearse" -> rehearse();
                default -> fail("unknown command " + command + "; use up, identity-provider, import-employees or rehearse");
            }
        } catch (LaunchException | DevstackException | IllegalArgumentException | UncheckedIOException e) {
            // a sentence for the person at the terminal: which port, which file, which lines
            fail(e.getMessage());
        }
    }

    private static void up(String[] args) {
        // from the first moment: a launcher stopped while it starts stops what it has started so far
        LocalSuite suite = LocalSuite.start(SuiteOptions.parse(args, System::getenv), starting ->
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    System.out.println("\nStopping the suite ...");
                    starting.close();
                    System.out.println("Stopped.");
                }, "suite-shutdown")));
        System.out.println(suite.statusTable());
        System.out.println("  token:  curl -s -u hrm-cli: -d grant_type=password -d username=hana -d password=hana "
                + suite.options().issuer() + "/oauth2/token");
        System.out.println("\nPress Ctrl-C to stop everything.");
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Exits once done: the JVM writes its start cache at its exit, and Kafka's threads would keep it alive. */
    private static void rehearse() {
        LocalSuite.rehearse();
        System.exit(0);
    }

    private static void importEmployees(String[] args) {
        if (args.length < 1) {
            fail("usage: import-employees FILE.csv [KAFKA_BOOTSTRAP_SERVERS]");
        }
        String bootstrap = args.length > 1 ? args[1]
                : System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:19092");
        List<EmployeeUpserted> employees = MasterDataFiles.employees(Path.of(args[0]));
        MasterDataPublisher.Result result = new MasterDataPublisher(bootstrap)
                .publishChanged(EmployeeEvents.EMPLOYEE_UPSERTED, EmployeeUpserted::employeeId, employees);
        System.out.println(result);
    }

    private static void fail(String message) {
        System.err.println("hrm: " + message);
        System.exit(2);
    }
}
