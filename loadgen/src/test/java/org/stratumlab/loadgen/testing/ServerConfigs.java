package org.stratumlab.loadgen.testing;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.stratumlab.pow.PowAlgorithms;
import org.stratumlab.protocol.transport.NettyTransport;
import org.stratumlab.pow.octopus.OctopusStage;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.ServerSecret;

/**
 * Server settings for the tests of the settings table's forms (here and in cli): random valid ones, one with every
 * component away from its default, and one that differs from another in a single component.
 */
public final class ServerConfigs {
    private static final List<String> HOSTS = List.of("127.0.0.1", "0.0.0.0", "localhost", "::1", "10.1.2.3");

    private ServerConfigs() {
    }

    /**
     * @param r the seeded source
     * @return valid settings with every component drawn
     */
    public static ServerConfig random(Random r) {
        byte[] secret = new byte[32];
        r.nextBytes(secret);
        boolean octopus = r.nextBoolean(); // an Octopus height is at most OctopusStage.MAX_HEIGHT
        return new ServerConfig(HOSTS.get(r.nextInt(HOSTS.size())), r.nextInt(65_536),
                r.nextBoolean() ? null : ServerSecret.ofHex(HexFormat.of().formatHex(secret)),
                new BigInteger(1 + r.nextInt(256), r).max(BigInteger.ONE), 1 + r.nextInt(1024),
                r.nextBoolean() ? Dialect.conflux() : Dialect.doc(), durationNs(r), r.nextBoolean(),
                r.nextBoolean(), octopus
                        ? Math.floorMod(r.nextLong(), OctopusStage.MAX_HEIGHT + 1)
                        : r.nextLong() & Long.MAX_VALUE,
                r.nextLong(), 64 + r.nextInt(1 << 24),
                durationNs(r), 1 + r.nextInt(Integer.MAX_VALUE - 1), r.nextInt(65_537) - 1,
                HOSTS.get(r.nextInt(HOSTS.size())), 1 + durationNs(r),
                1 + r.nextInt(64), octopus ? PowAlgorithms.OCTOPUS : PowAlgorithms.KECCAK, durationNs(r),
                r.nextBoolean(), NettyTransport.CHOICES.get(r.nextInt(NettyTransport.CHOICES.size())));
    }

    /** Zero, whole milliseconds or any nanoseconds: every unit the text form picks. */
    private static long durationNs(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> r.nextInt(100_000) * 1_000_000L;
            case 2 -> r.nextInt(1000) * 1_000_000_000L;
            default -> Math.floorMod(r.nextLong(), Long.MAX_VALUE / 2);
        };
    }

    /** @return settings whose every component differs from the builder's default */
    public static ServerConfig everyComponentChanged() {
        return new ServerConfig("127.0.0.2", 4000, ServerSecret.ofPassword("pw"), BigInteger.valueOf(77), 8,
                Dialect.doc(), 250_000_000L, false, true, 9, 5, 1024, 7_000_000_000L, 10, 9100, "0.0.0.0",
                3_000_000_000L,
                Runtime.getRuntime().availableProcessors() + 1, PowAlgorithms.OCTOPUS, 2_000_000_000L, true,
                "nio");
    }

    /**
     * @param component a record component of {@link ServerConfig}
     * @param config settings
     * @return that component's value
     */
    public static Object value(RecordComponent component, ServerConfig config) {
        try {
            return component.getAccessor().invoke(config);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param base settings
     * @param component the component to change
     * @param from where its value comes from
     * @return {@code base} with {@code from}'s value of that one component
     */
    public static ServerConfig with(ServerConfig base, RecordComponent component, ServerConfig from) {
        RecordComponent[] components = ServerConfig.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = value(components[i], components[i].getName().equals(component.getName()) ? from : base);
            types[i] = components[i].getType();
        }
        try {
            Constructor<ServerConfig> canonical = ServerConfig.class.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
