package org.stratumlab.protocol.miner;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.stratumlab.testing.Lines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotifyLineCacheTest {
    private static final String HASH_A = "0x2106e1162d1199483fa010bcaa7d4f05b23b85d456b4a7089d787ae2e880deaf";
    private static final String HASH_B = "0x3106e1162d1199483fa010bcaa7d4f05b23b85d456b4a7089d787ae2e880deaf";

    private static String notifyLine(long id, String hash) {
        return "{ \"id\": " + id + ", \"method\": \"mining.notify\", \"params\": [\"" + hash + "\", \"1\", \""
                + hash + "\",\"0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\"] }";
    }

    private static ServerMessage read(NotifyLineCache cache, String line) {
        ByteBuf buf = Lines.direct(line);
        try {
            return cache.read(buf);
        } finally {
            buf.release();
        }
    }

    @Test
    void aRepeatedNotifyLineIsTheNotifyAlreadyReadWithoutParsing() {
        NotifyLineCache cache = new NotifyLineCache();
        JobNotify first = assertInstanceOf(JobNotify.class, read(cache, notifyLine(17, HASH_A)));
        for (int miner = 0; miner < 100; miner++) {
            assertSame(first, read(cache, notifyLine(17, HASH_A)));
        }
        assertEquals(1, cache.notifyParses());
        assertEquals(ServerMessageParserTest.parse(notifyLine(17, HASH_A)), first);
    }

    @Test
    void aChangedJobIsParsed() {
        NotifyLineCache cache = new NotifyLineCache();
        JobNotify a = assertInstanceOf(JobNotify.class, read(cache, notifyLine(17, HASH_A)));
        JobNotify b = assertInstanceOf(JobNotify.class, read(cache, notifyLine(18, HASH_B)));
        assertNotSame(a, b);
        assertEquals(HASH_B, b.powHashText());
        assertEquals(2, cache.notifyParses());
    }

    @Test
    void aLineThatDiffersInOneByteIsParsedNotMatched() {
        NotifyLineCache cache = new NotifyLineCache();
        read(cache, notifyLine(17, HASH_A));
        // The same job re-pushed with the next id (a heartbeat): another line, read for itself.
        JobNotify again = assertInstanceOf(JobNotify.class, read(cache, notifyLine(19, HASH_A)));
        assertEquals(19, again.id().number());
        assertEquals(2, cache.notifyParses());
    }

    @Test
    void connectionsStillOnTheJobBeforeTheNewestFindItsLine() {
        NotifyLineCache cache = new NotifyLineCache();
        JobNotify older = assertInstanceOf(JobNotify.class, read(cache, notifyLine(17, HASH_A)));
        for (int id = 18; id < 18 + NotifyLineCache.LINES_KEPT - 1; id++) {
            read(cache, notifyLine(id, HASH_B));
        }
        assertSame(older, read(cache, notifyLine(17, HASH_A)));
        assertEquals(NotifyLineCache.LINES_KEPT, cache.notifyParses());
    }

    @Test
    void responsesAreParsedEveryTimeAndNotCountedAsNotifies() {
        NotifyLineCache cache = new NotifyLineCache();
        RpcResponse reply = assertInstanceOf(RpcResponse.class, read(cache, "{\"id\":2,\"result\":[true]}"));
        assertTrue(reply.id().number() == 2);
        assertNotSame(reply, read(cache, "{\"id\":2,\"result\":[true]}"));
        assertEquals(0, cache.notifyParses());
    }

    @Test
    void aSharedDecoderHandsEveryConnectionTheSameNotifyAndReleasesTheLines() {
        NotifyLineCache cache = new NotifyLineCache();
        ServerMessageDecoder decoder = ServerMessageDecoder.sharing(cache);
        EmbeddedChannel one = new EmbeddedChannel(decoder);
        EmbeddedChannel two = new EmbeddedChannel(decoder);
        ByteBuf lineOne = Lines.direct(notifyLine(17, HASH_A));
        ByteBuf lineTwo = Lines.direct(notifyLine(17, HASH_A));
        one.writeInbound(lineOne);
        two.writeInbound(lineTwo);
        assertSame(one.<JobNotify>readInbound(), two.<JobNotify>readInbound());
        assertEquals(0, lineOne.refCnt());
        assertEquals(0, lineTwo.refCnt());
        assertEquals(1, cache.notifyParses());
        one.finishAndReleaseAll();
        two.finishAndReleaseAll();
    }
}
