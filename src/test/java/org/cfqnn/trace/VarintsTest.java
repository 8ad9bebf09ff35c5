package org.cfqnn.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class VarintsTest {

    @Test
    void unsignedValuesAreLeb128() {
        Varints v = new Varints();
        v.unsigned(0);
        v.unsigned(1);
        v.unsigned(127);
        v.unsigned(128);
        v.unsigned(300);       // 300 = 0b10_0101100 -> 0xAC 0x02 (Protocol Buffers' own example)
        v.unsigned(1L << 53);
        assertThat(v.bytes()).containsExactly(0x00, 0x01, 0x7F, 0x80, 0x01, 0xAC, 0x02,
                0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10);
    }

    @Test
    void signedValuesAreZigzagged() {
        Varints v = new Varints();
        for (long x : new long[] {0, -1, 1, -2, 2, -64, 64}) {
            v.signed(x);
        }
        // zigzag: 0, 1, 2, 3, 4, 127, 128
        assertThat(v.bytes()).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04, 0x7F, 0x80, 0x01);
    }

    @Test
    void deflatedBytesInflateBackWithZlib() throws Exception {
        Varints v = new Varints();
        for (int i = 0; i < 100_000; i++) {
            v.signed(i % 17 - 8);
        }
        byte[] z = v.deflated();
        assertThat(z.length).isLessThan(v.size() / 10);
        assertThat(z[0]).isEqualTo((byte) 0x78); // zlib header: deflate, 32K window
        Inflater inf = new Inflater();
        inf.setInput(z);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!inf.finished()) {
            out.write(buf, 0, inf.inflate(buf));
        }
        inf.end();
        assertThat(out.toByteArray()).isEqualTo(v.bytes());
    }
}
