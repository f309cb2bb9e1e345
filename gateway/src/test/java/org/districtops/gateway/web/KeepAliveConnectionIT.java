package org.districtops.gateway.web;

import org.districtops.gateway.GatewayITSupport;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One browser connection, several requests. A request that arrives while the previous one is still being answered
 * (a proxied read) is queued by the server; when the queued request is answered at once (a refused unsafe request),
 * the connection must still read the next one. Reactor Netty 1.3.6 stopped reading there (reactor-netty#4361): the
 * next request on that connection — in the browser, typically the sign-out after a refused form post — waited until
 * the client gave up. Fixed in 1.3.8, which the parent pom pins.
 */
class KeepAliveConnectionIT extends GatewayITSupport {

    @Test
    void givenAQueuedRequestAnsweredAtOnceWhenTheNextRequestComesOnTheSameConnectionThenItIsAnswered()
            throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));

            // sent together: a proxied read (answered later) and a request the edge refuses at once
            out.write(("GET /api/vision/public/districts/demo-district HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    + "POST /api/vision/actuator/env HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(statusLines(in, 2)).containsExactly("HTTP/1.1 201 Created", "HTTP/1.1 404 Not Found");

            // then, as a browser's next click, one more request on the same connection
            out.write("GET /api/vision/public/districts/demo-district HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(statusLines(in, 1)).as("the connection still reads requests").containsExactly("HTTP/1.1 201 Created");
        }
    }

    /** Reads {@code count} whole responses (status, headers, a Content-Length or chunked body) and returns their status lines. */
    private static List<String> statusLines(BufferedReader in, int count) throws IOException {
        List<String> statuses = new ArrayList<>();
        try {
            while (statuses.size() < count) {
                String status = in.readLine();
                if (status == null) {
                    break;
                }
                int length = 0;
                boolean chunked = false;
                for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
                    String name = header.substring(0, header.indexOf(':')).trim();
                    String value = header.substring(header.indexOf(':') + 1).trim();
                    if (name.equalsIgnoreCase("Content-Length")) {
                        length = Integer.parseInt(value);
                    } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                        chunked = true;
                    }
                }
                if (chunked) {
                    for (int size = Integer.parseInt(in.readLine().trim(), 16); size > 0;
                         size = Integer.parseInt(in.readLine().trim(), 16)) {
                        skip(in, size);
                        in.readLine();
                    }
                    in.readLine();
                } else {
                    skip(in, length);
                }
                statuses.add(status);
            }
        } catch (SocketTimeoutException e) {
            // fewer answers than requests: the assertion names what came back
        }
        return statuses;
    }

    private static void skip(BufferedReader in, long chars) throws IOException {
        for (long left = chars; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                throw new IOException("the response ended early");
            }
            left -= skipped;
        }
    }
}
