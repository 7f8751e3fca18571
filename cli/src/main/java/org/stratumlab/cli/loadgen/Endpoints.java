package org.stratumlab.cli.loadgen;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.stratumlab.loadgen.scenario.AddressRange;

/** Parses endpoints and address ranges given on the command line; errors name the option. */
final class Endpoints {
    private Endpoints() {
    }

    /** @return {@code HOST:PORT} as an address, resolved now so a typo fails before any connection */
    static InetSocketAddress parse(String option, String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not HOST:PORT");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + ": '" + text.substring(colon + 1) + "' is not a port");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(option + ": port " + port + " is outside 1..65535");
        }
        String host = text.substring(0, colon).replace("[", "").replace("]", "");
        return new InetSocketAddress(resolve(option, host), port);
    }

    /** @return whether {@code HOST:PORT} names a loopback address */
    static boolean isLoopback(String text) {
        try {
            return parse("--target", text).getAddress().isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** @return the addresses of a range like 127.0.0.1-127.0.0.8; errors name the option */
    static List<InetAddress> addressRange(String option, String text) {
        try {
            return AddressRange.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    private static InetAddress resolve(String option, String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(option + ": unknown host '" + host + "'");
        }
    }
}
