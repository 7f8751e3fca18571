package org.stratumlab.protocol.jsonrpc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.stratumlab.protocol.frame.LineFrameDecoder;
import org.stratumlab.protocol.frame.Utf8ValidationHandler;
import org.stratumlab.testing.EventRecorder;
import org.stratumlab.testing.Lines;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonRpcRequestDecoderTest {
    @Test
    void turnsFramedLinesIntoParsedLinesAndReleasesThem() {
        EventRecorder recorder = new EventRecorder();
        EmbeddedChannel channel = new EmbeddedChannel(new LineFrameDecoder(64),
                Utf8ValidationHandler.INSTANCE,
                JsonRpcRequestDecoder.create(), recorder);
        ByteBuf input = Lines
                .direct("{\"id\":1,\"method\":\"m\"}\r\n\n[{\"method\":\"n\"}]\n" + "x".repeat(100)
                        + "\n{\"id\":\"\u00ff\",\"method\":\"m\"}\n");
        channel.writeInbound(input);
        channel.finishAndReleaseAll();

        assertEquals(List.of(
                JsonRpcCall.request(JsonRpcId.ofNumber(1), "m", Params.ABSENT, false),
                ParsedLine.PARSE_ERROR,
                new JsonRpcBatch(List.of(JsonRpcCall.request(null, "n", Params.ABSENT, false))),
                "!LineTooLongException",
                JsonRpcCall.request(JsonRpcId.ofString("\u00ff"), "m", Params.ABSENT, false)),
                recorder.events());
        assertEquals(0, input.refCnt());
    }

    @Test
    void reportsInvalidUtf8BeforeParsing() {
        EventRecorder recorder = new EventRecorder();
        EmbeddedChannel channel = new EmbeddedChannel(new LineFrameDecoder(64),
                Utf8ValidationHandler.INSTANCE,
                JsonRpcRequestDecoder.create(), recorder);
        ByteBuf input = Lines.direct(new byte[]{'{', '"', (byte) 0xc0, (byte) 0xaf, '"', '}', '\n'});
        channel.writeInbound(input);
        channel.finishAndReleaseAll();

        assertEquals(List.of("!InvalidUtf8Exception"), recorder.events());
        assertEquals(0, input.refCnt());
    }
}
