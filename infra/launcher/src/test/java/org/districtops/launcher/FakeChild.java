package org.districtops.launcher;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;

/** A stand-in child for the supervision test: answers 200 on every path of the given port until it is killed. */
public final class FakeChild {

    private FakeChild() {
    }

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        Thread.currentThread().join();
    }
}
