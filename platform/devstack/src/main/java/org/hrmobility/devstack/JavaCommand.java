package org.hrmobility.devstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The command line that runs a main class of this JVM's classpath in a JVM of its own: with the same classpath, or,
 * when this JVM runs from a Spring Boot executable jar ({@code java -jar hrm-local.jar}), with that jar and Boot's
 * {@code PropertiesLauncher} choosing the main class ({@code -Dloader.main}).
 */
public final class JavaCommand {

    static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private JavaCommand() {
    }

    public static List<String> of(List<String> jvmOptions, String mainClass, List<String> arguments) {
        return of(System.getProperty("java.class.path"), jvmOptions, mainClass, arguments);
    }

    static List<String> of(String classPath, List<String> jvmOptions, String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        if (isBootJar(classPath)) {
            command.add("-Dloader.main=" + mainClass);
            command.add(BOOT_LAUNCHER);
        } else {
            command.add(mainClass);
        }
        command.addAll(arguments);
        return command;
    }

    /** One jar with Boot's nested layout: its classes and libraries are inside, where only Boot's launcher finds them. */
    static boolean isBootJar(String classPath) {
        if (classPath == null || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")
                || !Files.isRegularFile(Path.of(classPath))) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getEntry("BOOT-INF/") != null || jar.getEntry("BOOT-INF/classes/") != null
                    || jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Spring-Boot-Classes") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
