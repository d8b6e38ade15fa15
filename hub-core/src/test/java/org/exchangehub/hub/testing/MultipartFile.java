package org.exchangehub.hub.testing;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} body with one file in part {@code file}, as the import endpoints expect. */
public record MultipartFile(String contentType, HttpRequest.BodyPublisher body) {

    public static MultipartFile of(String fileName, byte[] content) {
        String boundary = "----hub" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 256);
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new MultipartFile("multipart/form-data; boundary=" + boundary, HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
    }
}
