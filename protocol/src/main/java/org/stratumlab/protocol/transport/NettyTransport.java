package org.stratumlab.protocol.transport;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import java.util.List;
import java.util.Locale;

/**
 * The Netty transport both ends use, chosen by name: {@code io_uring} (Linux 5.14+: a ring of submissions the
 * kernel drains in one call per event-loop turn), {@code epoll} (Linux) or {@code nio} (anywhere), and
 * {@code auto}, the {@link #AUTO_ORDER} of the three that the platform offers (docs/architecture.md, performance
 * approach, says which one won on which measurement). Its {@link #name()} is printed and recorded so that a result
 * says which one ran.
 *
 * @param name {@code io_uring}, {@code epoll} or {@code nio}
 * @param ioHandlerFactory the event loops' I/O handler
 * @param socketChannelType the client channel class
 * @param serverSocketChannelType the server channel class
 */
public record NettyTransport(String name, IoHandlerFactory ioHandlerFactory,
        Class<? extends SocketChannel> socketChannelType,
        Class<? extends ServerChannel> serverSocketChannelType) {

    /** The choice that takes the first available of {@link #AUTO_ORDER}. */
    public static final String AUTO = "auto";
    /** {@code auto}'s preference, first the one that measured best on loopback; nio is always available. */
    public static final List<String> AUTO_ORDER = List.of("epoll", "io_uring", "nio");
    /** Every name a transport may be chosen by. */
    public static final List<String> CHOICES = List.of(AUTO, "io_uring", "epoll", "nio");

    /**
     * The most event loops a group may have. An event loop per core is what a machine can use; each one more is a
     * thread and three file descriptors (the selector, its wake-up and its timer), so a mistyped count would
     * otherwise run out of descriptors seconds into the run. 1024 is far above any core count and far below the
     * descriptor limit.
     */
    public static final int MAX_THREADS = 1024;

    /**
     * @param threads a number of event loops asked for
     * @throws IllegalArgumentException unless it is in 1..{@link #MAX_THREADS}; the message names no option
     */
    public static void requireThreads(int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("must be in 1.." + MAX_THREADS
                    + " (an event loop per core is what helps), was " + threads);
        }
    }

    /**
     * @param choice a name in {@link #CHOICES}, any case
     * @return the name as {@link #named} takes it
     * @throws IllegalArgumentException for any other name; the message lists the choices and names no option
     */
    public static String requireChoice(String choice) {
        String normalised = choice == null ? "" : choice.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        if (!CHOICES.contains(normalised)) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", CHOICES) + ", was '"
                    + choice + "'");
        }
        return normalised;
    }

    /**
     * @param choice {@code auto} or a transport's name, any case
     * @return the choice as {@link #requireChoice} gives it, once {@link #named} has found the transport here
     * @throws IllegalArgumentException as {@link #named} does
     */
    public static String requireAvailable(String choice) {
        named(choice);
        return requireChoice(choice);
    }

    /** @return {@code auto}'s transport: the first of {@link #AUTO_ORDER} the platform offers */
    public static NettyTransport best() {
        for (String name : AUTO_ORDER) {
            if (unavailability(name) == null) {
                return of(name);
            }
        }
        throw new IllegalStateException("nio is always available");
    }

    /**
     * @param choice {@code auto} or a transport's name (see {@link #requireChoice})
     * @return that transport
     * @throws IllegalArgumentException if the name is unknown, or names a transport this platform refuses (the
     *         message says why, e.g. the kernel's answer): asked for by name, it is never silently replaced
     */
    public static NettyTransport named(String choice) {
        String name = requireChoice(choice);
        if (name.equals(AUTO)) {
            return best();
        }
        String why = unavailability(name);
        if (why != null) {
            throw new IllegalArgumentException(name + " is not available here (" + why + "); "
                    + String.join(", ", availableNames()) + " "
                    + (availableNames().size() == 1 ? "is" : "are"));
        }
        return of(name);
    }

    /** @return the transports this platform offers, in {@link #AUTO_ORDER} */
    public static List<String> availableNames() {
        return AUTO_ORDER.stream().filter(n -> unavailability(n) == null).toList();
    }

    /** @return why the platform refuses a transport, or null where it offers it */
    private static String unavailability(String name) {
        Throwable cause = switch (name) {
            case "io_uring" -> IoUring.isAvailable() ? null : IoUring.unavailabilityCause();
            case "epoll" -> Epoll.isAvailable() ? null : Epoll.unavailabilityCause();
            default -> null;
        };
        if (cause == null) {
            return null;
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message.strip();
    }

    private static NettyTransport of(String name) {
        return switch (name) {
            case "io_uring" ->
                new NettyTransport(name, IoUringIoHandler.newFactory(), IoUringSocketChannel.class,
                        IoUringServerSocketChannel.class);
            case "epoll" -> new NettyTransport(name, EpollIoHandler.newFactory(), EpollSocketChannel.class,
                    EpollServerSocketChannel.class);
            default -> new NettyTransport("nio", NioIoHandler.newFactory(), NioSocketChannel.class,
                    NioServerSocketChannel.class);
        };
    }

    /**
     * @param threads how many event loops
     * @return a new group of event loops of this transport
     * @throws IllegalArgumentException if {@code threads} is outside 1..{@link #MAX_THREADS}
     */
    public MultiThreadIoEventLoopGroup newGroup(int threads) {
        requireThreads(threads);
        return new MultiThreadIoEventLoopGroup(threads, ioHandlerFactory);
    }
}
