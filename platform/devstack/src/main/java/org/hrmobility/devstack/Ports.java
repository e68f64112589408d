package org.hrmobility.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Random;

/** Port checks done before a server starts, so that a taken port gives a sentence instead of a bind stack trace. */
public final class Ports {

    private static final int FIRST_PICKED = 20000;
    private static final int LAST_PICKED = 32000;
    private static final Random RANDOM = new Random();

    private Ports() {
    }

    /** Fails with a message naming the port, the server and the setting that moves it. */
    public static void requireFree(int port, String server, String setting) {
        if (!isFree(port)) {
            throw new DevstackException("Port " + port + " for " + server + " is already in use. Stop what runs there"
                    + " (is the suite already running?) or choose another port with " + setting + ".");
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as the servers bind: connections of a stopped server still in TIME_WAIT must not count as "in use"
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A port nothing listens on right now; 0 in a setting means "pick one of these". Picked below the ephemeral
     * range (32768 and up on Linux), because a server binds it some seconds later, and meanwhile an outgoing
     * connection could be given an ephemeral port as its own end.
     */
    public static int pickFree() {
        for (int tries = 0; tries < 100; tries++) {
            int port = FIRST_PICKED + RANDOM.nextInt(LAST_PICKED - FIRST_PICKED);
            if (isFree(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DevstackException("no free local port", e);
        }
    }

    static int resolve(int configured) {
        return configured == 0 ? pickFree() : configured;
    }
}
