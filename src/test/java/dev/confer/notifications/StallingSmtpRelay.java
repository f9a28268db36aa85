package dev.confer.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A byte-for-byte TCP relay in front of a real SMTP server that holds back the server's answer to the
 * end of each mail's DATA ({@code CRLF.CRLF}) for {@code stall}: the server has taken the mail, the
 * sender does not know yet. That is where a lease that is not renewed lets a second sender in, and where
 * a crash leaves a mail delivered but not recorded.
 */
public final class StallingSmtpRelay implements AutoCloseable {

    private static final byte[] END_OF_DATA = {'\r', '\n', '.', '\r', '\n'};

    private final ServerSocket listener;
    private final int targetPort;
    private volatile Duration stall;
    private final AtomicInteger held = new AtomicInteger();
    private volatile boolean closedDoor;

    public StallingSmtpRelay(int targetPort, Duration stall) {
        this.targetPort = targetPort;
        this.stall = stall;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon(true).name("smtp-relay").start(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Until {@link #open()}, the server's greeting is held back: senders connect and wait, nothing is sent. */
    public void hold() {
        closedDoor = true;
    }

    public void open() {
        closedDoor = false;
    }

    /** How many answers to the end of a mail were held back so far. */
    public int held() {
        return held.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                AtomicInteger pending = new AtomicInteger();
                Thread.ofPlatform().daemon(true).start(() -> toServer(client, server, pending));
                Thread.ofPlatform().daemon(true).start(() -> toClient(server, client, pending));
            } catch (IOException e) {
                // closed, or the real server is away: the client sees its connection dropped
            }
        }
    }

    private void toServer(Socket client, Socket server, AtomicInteger pending) {
        byte[] tail = new byte[END_OF_DATA.length];
        try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    System.arraycopy(tail, 1, tail, 0, tail.length - 1);
                    tail[tail.length - 1] = buffer[i];
                    if (java.util.Arrays.equals(tail, END_OF_DATA)) {
                        pending.incrementAndGet(); // before the server can answer it
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private void toClient(Socket server, Socket client, AtomicInteger pending) {
        try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                while (closedDoor) {
                    Thread.sleep(10);
                }
                if (pending.get() > 0) {
                    pending.decrementAndGet();
                    held.incrementAndGet();
                    Thread.sleep(stall.toMillis());
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
