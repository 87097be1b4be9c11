package org.boxoffice.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, with the request line sent byte for byte: the way an attacker sends paths that
 * every HTTP client library would normalize or encode first ({@code ;x}, {@code %2F}, {@code \}, {@code //}, {@code ..;/}).
 */
public final class RawHttp {
    private RawHttp() {
    }

    public record Answer(int status, String head, String body) {
    }

    public static Answer send(int port, String method, String rawPath, String authorization, String jsonBody) {
        return send(port, method, rawPath, authorization, jsonBody, "application/json");
    }

    /** A POST with a form-encoded body, sent as written. */
    public static Answer sendForm(int port, String rawPath, String authorization, String formBody) {
        return send(port, "POST", rawPath, authorization, formBody, "application/x-www-form-urlencoded");
    }

    private static Answer send(int port, String method, String rawPath, String authorization, String body,
                               String contentType) {
        String jsonBody = body;
        StringBuilder request = new StringBuilder(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n");
        if (authorization != null) {
            request.append("Authorization: ").append(authorization).append("\r\n");
        }
        byte[] bytes = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        if (jsonBody != null) {
            request.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(bytes.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            String response = read(socket.getInputStream());
            int split = response.indexOf("\r\n\r\n");
            String head = split < 0 ? response : response.substring(0, split);
            String rest = split < 0 ? "" : response.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Answer(status, head, head.toLowerCase().contains("transfer-encoding: chunked") ? unchunk(rest) : rest);
        } catch (IOException e) {
            throw new IllegalStateException("raw request " + method + " " + rawPath + " failed", e);
        }
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
