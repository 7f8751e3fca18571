package org.stratumlab.protocol.miner;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.stratumlab.protocol.frame.LineFrameDecoder;
import org.stratumlab.protocol.jsonrpc.JsonRpcId;
import org.stratumlab.testing.EventRecorder;
import org.stratumlab.testing.Lines;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ServerMessageDecoderTest {
    @Test
    void turnsServerLinesIntoMessagesAndReleasesThem() {
        EventRecorder recorder = new EventRecorder();
        EmbeddedChannel channel = new EmbeddedChannel(new LineFrameDecoder(1024),
                ServerMessageDecoder.INSTANCE,
                recorder);
        ByteBuf first = Lines.direct(
                "{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":1}\n\n{ \"id\": 17, \"method\": \"mining.notify\", ");
        ByteBuf second = Lines.direct("\"params\": [\"0x01\", \"1\", \"0x01\",\"0xff\"] }\r\ngarbage\n");
        channel.writeInbound(first);
        channel.writeInbound(second);
        channel.finishAndReleaseAll();

        List<Object> events = recorder.events();
        assertEquals(4, events.size());
        assertEquals(new RpcResponse(JsonRpcId.ofNumber(1), ResponseStatus.ACCEPTED, 0, null), events.get(0));
        assertEquals(EmptyLine.INSTANCE, events.get(1));
        assertEquals(17, assertInstanceOf(JobNotify.class, events.get(2)).id().number());
        assertInstanceOf(UnrecognizedLine.class, events.get(3));
        assertEquals(0, first.refCnt());
        assertEquals(0, second.refCnt());
    }
}
