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

/**
 * The Netty transport both ends use: native epoll where the platform has it (fewer copies and syscalls per
 * connection), NIO otherwise (docs/architecture.md, performance approach). Its {@link #name()} is printed and recorded so
 * that a result says which one ran.
 *
 * @param name {@code epoll} or {@code nio}
 * @param ioHandlerFactory the event loops' I/O handler
 * @param socketChannelType the client channel class
 * @param serverSocketChannelType the server channel class
 */
public record NettyTransport(String name, IoHandlerFactory ioHandlerFactory,
        Class<? extends SocketChannel> socketChannelType,
        Class<? extends ServerChannel> serverSocketChannelType) {

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

    /** @return epoll when available, else NIO */
    public static NettyTransport best() {
        return Epoll.isAvailable()
                ? new NettyTransport("epoll", EpollIoHandler.newFactory(), EpollSocketChannel.class,
                        EpollServerSocketChannel.class)
                : new NettyTransport("nio", NioIoHandler.newFactory(), NioSocketChannel.class,
                        NioServerSocketChannel.class);
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
