package org.stratumlab.protocol.dialect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DialectTest {
    @Test
    void selectsDialectsByName() {
        assertSame(Dialect.conflux(), Dialect.byName("conflux"));
        assertSame(Dialect.doc(), Dialect.byName("doc"));
        assertEquals("conflux", Dialect.conflux().name());
        assertEquals("doc", Dialect.doc().name());
        assertEquals(List.of("conflux", "doc"), Dialect.names());
    }

    @Test
    void rejectsAnUnknownNameNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dialect.byName("Conflux"));
        assertEquals("unknown dialect 'Conflux', expected one of conflux, doc", e.getMessage());
    }
}
