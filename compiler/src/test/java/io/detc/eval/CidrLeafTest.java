package io.detc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.TextNode;
import io.detc.value.Cidr;
import io.detc.value.Cidrs;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The allocation-free IPv4 path of {@link CidrLeaf} means exactly what {@link Cidrs#contains} means. */
class CidrLeafTest {
    private static final String[] NETWORKS = {"10.0.0.0/8", "0.0.0.0/0", "192.168.1.1", "255.255.255.255/32",
        "128.0.0.0/1", "2001:db8::/32", "::/0", "::ffff:0:0/96"};
    private static final String[] PIECES = {"0", "1", "10", "255", "256", "010", "00", "1000", "", ".", " ", ":",
        "a", "ffff", "192", "168", "-1", "+1", "\t", "::"};

    @Test
    void agreesWithCidrsContains() {
        Random r = new Random(3);
        for (String n : NETWORKS) {
            Cidr network = Cidrs.parse(n).orElseThrow();
            CidrLeaf leaf = new CidrLeaf(network);
            for (int k = 0; k < 20_000; k++) {
                String ip = k % 3 == 0 ? randomDotted(r) : randomJunk(r);
                assertEquals(Cidrs.contains(network, ip), leaf.test(TextNode.valueOf(ip)), () -> n + " ∋ '" + ip + "'");
            }
        }
    }

    private static String randomDotted(Random r) {
        StringBuilder b = new StringBuilder(r.nextInt(4) == 0 ? " " : "");
        for (int i = 0; i < 4; i++) {
            b.append(i > 0 ? "." : "").append(r.nextInt(10) == 0 ? PIECES[r.nextInt(PIECES.length)]
                    : Integer.toString(r.nextInt(r.nextBoolean() ? 256 : 20)));
        }
        return b.append(r.nextInt(4) == 0 ? "\n" : "").toString();
    }

    private static String randomJunk(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(9); i > 0; i--) {
            b.append(PIECES[r.nextInt(PIECES.length)]).append(r.nextInt(3) == 0 ? "" : ".");
        }
        return b.toString();
    }
}
