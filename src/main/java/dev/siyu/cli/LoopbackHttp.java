package dev.siyu.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that POSTs prepared bytes and reads the status: the
 * lightest client for loopback load, so a benchmark measures the server, not its sender.
 */
final class LoopbackHttp implements Closeable {

	private final String host;

	private final int port;

	private Socket socket;

	private OutputStream out;

	private InputStream in;

	LoopbackHttp(URI base) {
		this.host = base.getHost();
		this.port = base.getPort();
	}

	/** The bytes of a POST of {@code body} to {@code pathAndQuery}. */
	static byte[] post(URI base, String pathAndQuery, String contentType, String body) {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		String head = "POST " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
				+ "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + content.length + "\r\n\r\n";
		byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
		byte[] request = new byte[headBytes.length + content.length];
		System.arraycopy(headBytes, 0, request, 0, headBytes.length);
		System.arraycopy(content, 0, request, headBytes.length, content.length);
		return request;
	}

	/** Sends one request and returns the response status; reconnects when needed. */
	int send(byte[] request) throws IOException {
		if (this.socket == null) {
			connect();
		}
		try {
			return exchange(request);
		}
		catch (IOException ex) {
			// a connection the server closed while idle: one fresh attempt
			close();
			connect();
			return exchange(request);
		}
	}

	private int exchange(byte[] request) throws IOException {
		this.out.write(request);
		this.out.flush();
		String status = line();
		if (status == null || !status.startsWith("HTTP/1.")) {
			throw new IOException("not an HTTP response: " + status);
		}
		int code = Integer.parseInt(status.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean closing = false;
		for (String header = line(); header != null && !header.isEmpty(); header = line()) {
			int colon = header.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = header.substring(0, colon).trim();
			String value = header.substring(colon + 1).trim();
			if (name.equalsIgnoreCase("Content-Length")) {
				length = Long.parseLong(value);
			}
			else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
				chunked = true;
			}
			else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
				closing = true;
			}
		}
		if (chunked) {
			for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0; size = Long
				.parseLong(line().split(";")[0].trim(), 16)) {
				skip(size);
				line();
			}
			for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
				// trailers are ignored
			}
		}
		else if (length > 0) {
			skip(length);
		}
		if (closing || (length < 0 && !chunked)) {
			close();
		}
		return code;
	}

	private void skip(long count) throws IOException {
		long left = count;
		while (left > 0) {
			long skipped = this.in.skip(left);
			if (skipped <= 0) {
				if (this.in.read() < 0) {
					throw new IOException("the connection closed inside a response body");
				}
				skipped = 1;
			}
			left -= skipped;
		}
	}

	private String line() throws IOException {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream(64);
		for (int b = this.in.read(); b >= 0; b = this.in.read()) {
			if (b == '\n') {
				int size = buffer.size();
				byte[] bytes = buffer.toByteArray();
				return new String(bytes, 0, (size > 0 && bytes[size - 1] == '\r') ? size - 1 : size,
						StandardCharsets.ISO_8859_1);
			}
			buffer.write(b);
		}
		throw new IOException("the connection closed before the response was complete");
	}

	private void connect() throws IOException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.connect(new InetSocketAddress(this.host, this.port), 5000);
		socket.setSoTimeout(30_000);
		this.socket = socket;
		this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
		this.in = new BufferedInputStream(socket.getInputStream(), 8192);
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
			this.socket = null;
		}
	}

}
