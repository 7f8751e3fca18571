package org.stratumlab.cli.loadgen;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

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

    /** @return the IPv4 addresses from {@code A} to {@code B} (the last octet varies), or the one address {@code A} */
    static List<InetAddress> addressRange(String option, String text) {
        String[] ends = text.split("-", 2);
        byte[] first = resolve(option, ends[0].trim()).getAddress();
        byte[] last = ends.length == 2 ? resolve(option, ends[1].trim()).getAddress() : first;
        if (first.length != 4 || last.length != 4 || first[0] != last[0] || first[1] != last[1]
                || first[2] != last[2] || (last[3] & 0xff) < (first[3] & 0xff)) {
            throw new IllegalArgumentException(option + ": '" + text
                    + "' is not an IPv4 range like 127.0.0.1-127.0.0.8 (only the last number may differ)");
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (int octet = first[3] & 0xff; octet <= (last[3] & 0xff); octet++) {
            byte[] bytes = first.clone();
            bytes[3] = (byte) octet;
            try {
                addresses.add(InetAddress.getByAddress(bytes));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // four bytes are always an address
            }
        }
        return addresses;
    }

    private static InetAddress resolve(String option, String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(option + ": unknown host '" + host + "'");
        }
    }
}
