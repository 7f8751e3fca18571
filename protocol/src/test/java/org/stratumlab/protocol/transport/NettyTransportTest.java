package org.stratumlab.protocol.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.uring.IoUring;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(60)
class NettyTransportTest {

    @Test
    void choicesAreReadInAnyCaseAndWithAHyphen() {
        assertEquals("io_uring", NettyTransport.requireChoice("IO-URING"));
        assertEquals("epoll", NettyTransport.requireChoice(" Epoll "));
        assertEquals("auto", NettyTransport.requireChoice("auto"));
    }

    @Test
    void anUnknownNameIsRefusedListingTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NettyTransport.named("kqueue"));
        assertEquals("must be one of auto, io_uring, epoll, nio, was 'kqueue'", e.getMessage());
    }

    @Test
    void autoIsTheFirstAvailableOfItsOrder() {
        assertEquals(NettyTransport.availableNames().get(0), NettyTransport.named("auto").name());
        assertTrue(NettyTransport.availableNames().contains("nio"), "nio is everywhere");
    }

    @Test
    void ioUringAskedForByNameOnAKernelThatRefusesItSaysWhy() {
        if (IoUring.isAvailable()) {
            assertEquals("io_uring", NettyTransport.named("io_uring").name());
            return;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NettyTransport.named("io_uring"));
        assertTrue(e.getMessage().startsWith("io_uring is not available here ("), e.getMessage());
    }

    static Iterable<String> available() {
        return NettyTransport.availableNames();
    }

    /** Each transport this machine offers carries a line there and back over loopback. */
    @ParameterizedTest
    @MethodSource("available")
    void eachAvailableTransportCarriesBytesOverLoopback(String name) throws Exception {
        NettyTransport transport = NettyTransport.named(name);
        EventLoopGroup group = transport.newGroup(1);
        try {
            Channel server = new ServerBootstrap().group(group).channel(transport.serverSocketChannelType())
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                                @Override
                                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                    ctx.writeAndFlush(msg); // echo: the buffer is released by the write
                                }
                            });
                        }
                    }).bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
            CompletableFuture<String> echoed = new CompletableFuture<>();
            StringBuilder received = new StringBuilder();
            Channel client = new Bootstrap().group(group).channel(transport.socketChannelType())
                    .handler(new SimpleChannelInboundHandler<ByteBuf>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
                            received.append(msg.toString(StandardCharsets.UTF_8));
                            if (received.indexOf("\n") >= 0) {
                                echoed.complete(received.toString());
                            }
                        }
                    }).connect((InetSocketAddress) server.localAddress()).sync().channel();
            String line = "{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}\n";
            client.writeAndFlush(Unpooled.copiedBuffer(line, StandardCharsets.UTF_8));
            assertEquals(line, echoed.get(30, TimeUnit.SECONDS));
            client.close().sync();
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
    }
}
