package org.hrmobility.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks done before a server starts, so that a taken port gives a sentence instead of a bind stack trace. */
public final class Ports {

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

    /** A port nothing listens on right now; 0 in a setting means "pick one of these". */
    public static int pickFree() {
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
