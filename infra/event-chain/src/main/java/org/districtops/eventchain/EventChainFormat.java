package org.districtops.eventchain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The exact bytes the event store's hash chain is built from. PostgreSQL computes them at append time
 * ({@code event_chain_canonical} in the service kit's {@code db/kit/V2__event_hash_chain.sql}); this class
 * computes the same bytes in Java, so that anyone holding a copy of the store can recompute every hash.
 */
public final class EventChainFormat {

    /** The byte layout, word for word as in V2__event_hash_chain.sql and docs/audit.md. */
    public static final String LAYOUT = """
            hash(0)   = 32 zero bytes (genesis)
            hash(n)   = SHA-256( hash(n-1) || canonical(event n) ),  n = chain_seq = 1, 2, 3, ...
            canonical = field(event_identifier) || field(aggregate_identifier)
                        || field(sequence_number as decimal text, e.g. "0", "12")
                        || field(type) || field(payload_type) || field(payload_revision) || field(time_stamp)
                        || field(payload) || field(meta_data)
            field(x)  = length of x in bytes as a 4-byte big-endian signed integer, then the bytes of x;
                        a null x is the length -1 (ff ff ff ff) and no bytes
            text columns are encoded as UTF-8; payload and meta_data are the stored bytea, unchanged
            """;

    public static final int HASH_LENGTH = 32;
    private static final byte[] GENESIS = new byte[HASH_LENGTH];
    private static final byte[] NULL_LENGTH = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};

    private EventChainFormat() {
    }

    /** One row of {@code domain_event_entry}: the columns that are hashed, in canonical order. */
    public record EventRow(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
                           String payloadType, String payloadRevision, String timeStamp, byte[] payload,
                           byte[] metaData) {
    }

    /** The hash before the first event: 32 zero bytes. */
    public static byte[] genesis() {
        return GENESIS.clone();
    }

    /** {@code canonical(event)} as one byte array (for independent checks; the verifier streams it instead). */
    public static byte[] canonical(EventRow event) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(256);
        write(event, (bytes, offset, length) -> out.write(bytes, offset, length));
        return out.toByteArray();
    }

    /** {@code SHA-256(previous || canonical(event))}. */
    public static byte[] hash(byte[] previous, EventRow event) {
        return hash(sha256(), previous, event);
    }

    static byte[] hash(MessageDigest digest, byte[] previous, EventRow event) {
        digest.reset();
        digest.update(previous);
        write(event, digest::update);
        return digest.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static byte[] fromHex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private interface Sink {
        void write(byte[] bytes, int offset, int length);
    }

    private static void write(EventRow e, Sink sink) {
        text(sink, e.eventIdentifier());
        text(sink, e.aggregateIdentifier());
        text(sink, Long.toString(e.sequenceNumber()));
        text(sink, e.type());
        text(sink, e.payloadType());
        text(sink, e.payloadRevision());
        text(sink, e.timeStamp());
        field(sink, e.payload());
        field(sink, e.metaData());
    }

    private static void text(Sink sink, String value) {
        field(sink, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(Sink sink, byte[] value) {
        if (value == null) {
            sink.write(NULL_LENGTH, 0, 4);
            return;
        }
        int n = value.length;
        sink.write(new byte[]{(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n}, 0, 4);
        sink.write(value, 0, n);
    }
}
