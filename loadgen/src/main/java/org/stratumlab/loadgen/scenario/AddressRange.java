package org.stratumlab.loadgen.scenario;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Local source addresses written as a range, {@code 127.0.0.1-127.0.0.8} (only the last number may differ). */
public final class AddressRange {
    /**
     * Connections one local address opens towards one target before the next address takes over: half of the
     * ephemeral range (about 28,000 ports). Linux's connect() draws its ports from one half of the range first
     * (it leaves the other to bind()); past that half each connect() searches the range port by port, and on
     * loopback 14,000 connections from one address stalled two generator processes' event loops for seconds.
     */
    public static final int CONNECTIONS_PER_SOURCE_ADDRESS = 14_000;
    /** The most source addresses an automatic range holds: 127.0.0.1 to 127.0.0.255, only the last number varies. */
    private static final int MAX_LOOPBACK_ADDRESSES = 255;
    /** The most miners one process can open on loopback with the automatic range. */
    public static final int MAX_LOOPBACK_MINERS = MAX_LOOPBACK_ADDRESSES * CONNECTIONS_PER_SOURCE_ADDRESS;

    private AddressRange() {
    }

    /**
     * @param text {@code A-B} or a single address {@code A}
     * @return the addresses from A to B
     * @throws IllegalArgumentException saying what a range looks like
     */
    public static List<InetAddress> parse(String text) {
        String[] ends = text.split("-", 2);
        byte[] first = resolve(ends[0].trim()).getAddress();
        byte[] last = ends.length == 2 ? resolve(ends[1].trim()).getAddress() : first;
        if (first.length != 4 || last.length != 4 || first[0] != last[0] || first[1] != last[1]
                || first[2] != last[2] || (last[3] & 0xff) < (first[3] & 0xff)) {
            throw new IllegalArgumentException("'" + text
                    + "' is not an IPv4 range like 127.0.0.1-127.0.0.8 (only the last number may differ, upwards)");
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

    /**
    * The source addresses a loopback run needs: none up to 14,000 miners (the system chooses), else enough
    * 127.0.0.x addresses for every miner to get a port.
    *
    * @param miners the most miners the run opens
    * @return the range to use, or {@code null} when one address suffices
    * @throws IllegalArgumentException above {@link #MAX_LOOPBACK_MINERS}; the message names no option
    */
    public static String automaticLoopbackRange(int miners) {
        if (miners <= CONNECTIONS_PER_SOURCE_ADDRESS) {
            return null;
        }
        if (miners > MAX_LOOPBACK_MINERS) {
            throw new IllegalArgumentException(miners
                    + " is more than one process can connect on loopback: at most "
                    + MAX_LOOPBACK_MINERS + " (127.0.0.1-127.0.0." + MAX_LOOPBACK_ADDRESSES + ", "
                    + CONNECTIONS_PER_SOURCE_ADDRESS + " connections each); run several generator processes");
        }
        return "127.0.0.1-127.0.0."
                + ((miners + CONNECTIONS_PER_SOURCE_ADDRESS - 1) / CONNECTIONS_PER_SOURCE_ADDRESS);
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + host + "'");
        }
    }
}
