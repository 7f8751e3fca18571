package org.stratumlab.loadgen.attack;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A TLS 1.2 ClientHello record, as a miner pointed at {@code stratum+ssl://} opens with: one AES-GCM suite, the
 * server name {@code stratum}, a fixed random. Its lengths are chosen so that it holds no {@code \n} byte, so a line-framed endpoint sees no
 * line end at all, as with a real one.
 */
final class TlsHello {
    private TlsHello() {
    }

    static byte[] bytes() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0x03);
        body.write(0x03); // client_version TLS 1.2
        for (int i = 0; i < 32; i++) {
            body.write(0x20 + i); // random: fixed, and no byte of it is '\n'
        }
        body.write(0); // no session id
        writeShort(body, 4);
        writeShort(body, 0xC02F); // TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
        writeShort(body, 0x00FF); // renegotiation info SCSV
        body.write(1);
        body.write(0); // compression: null only
        byte[] name = "stratum.example".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        writeShort(extensions, 0x0000); // server_name
        writeShort(extensions, name.length + 5);
        writeShort(extensions, name.length + 3);
        extensions.write(0); // host_name
        writeShort(extensions, name.length);
        extensions.writeBytes(name);
        writeShort(body, extensions.size());
        body.writeBytes(extensions.toByteArray());
        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        handshake.write(0x01); // ClientHello
        handshake.write(0);
        writeShort(handshake, body.size());
        handshake.writeBytes(body.toByteArray());
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(0x16); // handshake record
        writeShort(record, 0x0301);
        writeShort(record, handshake.size());
        record.writeBytes(handshake.toByteArray());
        return record.toByteArray();
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value & 0xFF);
    }
}
