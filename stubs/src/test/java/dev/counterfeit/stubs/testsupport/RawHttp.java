package dev.counterfeit.stubs.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte over a socket, for requests no client library would send: raw {@code {} in
 * a target, invalid UTF-8 in headers, broken chunking, a body shorter than its Content-Length.
 */
public final class RawHttp {
  private RawHttp() {}

  /** What came back; {@code status} is -1 when the server closed without an answer. */
  public record Answer(int status, Map<String, String> headers, byte[] body, boolean timedOut) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** A header by lower-case name, or null. */
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * A request with {@code Host} and {@code Connection: close} added; {@code Content-Length} too, when a body is
   * given and the headers set neither it nor {@code Transfer-Encoding}. Header values are written as ISO-8859-1,
   * so a char up to U+00FF is one raw byte.
   */
  public static byte[] request(String method, String target, Map<String, String> headers, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1\r\n");
    boolean framed = false;
    for (Map.Entry<String, String> h : headers.entrySet()) {
      head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
      framed |= h.getKey().equalsIgnoreCase("Content-Length") || h.getKey().equalsIgnoreCase("Transfer-Encoding");
    }
    if (body != null && !framed) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (body != null) {
      out.writeBytes(body);
    }
    return out.toByteArray();
  }

  /**
   * Sends the bytes, half-closes when asked (so a short body ends), and reads the answer until the server
   * closes, for at most {@code timeoutMillis}.
   */
  public static Answer send(int port, byte[] request, boolean halfClose, int timeoutMillis) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
        if (halfClose) {
          socket.shutdownOutput();
        }
      } catch (IOException e) {
        // The server may answer and close before reading an oversized request to its end.
      }
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      boolean timedOut = false;
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[16384];
      try {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          received.write(buffer, 0, n);
        }
      } catch (SocketTimeoutException e) {
        timedOut = true;
      } catch (IOException e) {
        // A reset after the answer was sent: keep what arrived.
      }
      return parse(received.toByteArray(), timedOut);
    }
  }

  private static Answer parse(byte[] raw, boolean timedOut) {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
    if (end < 0) {
      return new Answer(-1, Map.of(), raw, timedOut);
    }
    String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    int status = statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : -1;
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
    }
    byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    } else if (headers.containsKey("content-length")) {
      int length = Integer.parseInt(headers.get("content-length"));
      body = Arrays.copyOf(body, Math.min(length, body.length));
    }
    return new Answer(status, headers, body, timedOut);
  }

  private static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < body.length) {
      int lineEnd = indexOf(body, new byte[] {'\r', '\n'}, at);
      if (lineEnd < 0) {
        break;
      }
      String sizeText = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
      int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
      if (size == 0) {
        break;
      }
      out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
      at = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
