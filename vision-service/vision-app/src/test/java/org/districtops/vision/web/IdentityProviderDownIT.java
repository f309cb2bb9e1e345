package org.districtops.vision.web;

import org.districtops.testsupport.ApiClient;
import org.districtops.testsupport.TestStores;
import org.districtops.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Given the identity provider's key set does not answer (it accepts connections and never replies), when a client
 * sends a bearer token, then the service answers 503 problem+json with Retry-After within its bounded wait — not a
 * 500, not a hang — and anonymous public reads keep working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityProviderDownIT {

    private static final ServerSocket SILENT = silentServer();
    private static final List<Socket> HELD = new ArrayList<>();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "vision_idp_down_it");
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + SILENT.getLocalPort() + "/jwks");
    }

    @AfterAll
    static void stop() throws IOException {
        SILENT.close();
        for (Socket s : HELD) {
            s.close();
        }
    }

    @Test
    void tokensThatCannotBeCheckedGet503AndPublicReadsStillWork() {
        ApiClient api = new ApiClient("http://localhost:" + port + "/api/vision");
        String token = TestTokens.token("sup-1", "district-idp", "superintendent");
        HttpResponse<String> response = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> api.post("/districts/district-idp/plans", token,
                        "{\"title\":\"Plan\",\"startYear\":2025,\"endYear\":2027}"));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.body()).contains("signing keys are unavailable");

        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> api.get("/public/districts/district-idp/plans", null)).statusCode()).isEqualTo(200);
    }

    /** Accepts connections and holds them open without ever answering. */
    private static ServerSocket silentServer() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        synchronized (HELD) {
                            HELD.add(socket);
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-jwks");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
