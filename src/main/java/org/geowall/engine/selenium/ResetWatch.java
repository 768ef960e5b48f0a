package org.geowall.engine.selenium;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.littleshoot.proxy.HttpFilters;
import org.littleshoot.proxy.HttpFiltersAdapter;
import org.littleshoot.proxy.HttpFiltersSourceAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices a TCP reset on BrowserMob's upstream connection during its TLS handshake with a site.
 * LittleProxy reports such a handshake only as a closed channel, but Chromium reports a reset
 * ({@code net::ERR_CONNECTION_RESET}) apart from a close ({@code net::ERR_CONNECTION_CLOSED}).
 *
 * <p>LittleProxy offers no hook on the upstream channel, so this reads two of its internal fields
 * (LittleProxy 1.1.0-beta-bmp-17, as BrowserMob Proxy 2.1.5 ships it): it notes each upstream
 * connection when it starts, and watches its channel once the channel exists, which is when
 * {@link UpstreamChain} sends the {@code CONNECT} to the vantage's proxy. Where the fields are
 * missing, a reset stays reported as a close, which gives the same verdict.
 */
final class ResetWatch extends HttpFiltersSourceAdapter {

    private static final Logger log = LoggerFactory.getLogger(ResetWatch.class);
    private static final String HANDLER_NAME = "geowall-reset-watch";

    private final Consumer<String> onReset;
    private final Map<String, List<Object>> startedConnections = new HashMap<>();
    private volatile boolean warned;

    /** Creates a watch that passes the {@code host:port} of each reset connection to {@code onReset}. */
    ResetWatch(Consumer<String> onReset) {
        this.onReset = onReset;
    }

    @Override
    public HttpFilters filterRequest(HttpRequest originalRequest, ChannelHandlerContext clientContext) {
        if (!HttpMethod.CONNECT.equals(originalRequest.getMethod())) {
            return HttpFiltersAdapter.NOOP_FILTER;
        }
        String target = originalRequest.getUri();
        return new HttpFiltersAdapter(originalRequest, clientContext) {
            @Override
            public void proxyToServerConnectionStarted() {
                noteStarted(clientContext, target);
            }
        };
    }

    private void noteStarted(ChannelHandlerContext clientContext, String target) {
        try {
            Object serverConnection = field(clientContext.handler(), "currentServerConnection");
            if (serverConnection != null) {
                synchronized (startedConnections) {
                    startedConnections.computeIfAbsent(target, key -> new ArrayList<>()).add(serverConnection);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            warnOnce(e);
        }
    }

    /** Watches the channels of the started connections to {@code host:port} that are open by now. */
    void watchOpenConnections(String target) {
        synchronized (startedConnections) {
            Iterator<Object> connections = startedConnections.getOrDefault(target, List.of()).iterator();
            while (connections.hasNext()) {
                if (watch(connections.next(), target)) {
                    connections.remove();
                }
            }
        }
    }

    /** Forgets connections that never opened a channel, when a new load starts. */
    void clear() {
        synchronized (startedConnections) {
            startedConnections.clear();
        }
    }

    private boolean watch(Object serverConnection, String target) {
        try {
            Channel channel = (Channel) field(serverConnection, "channel");
            if (channel == null) {
                return false;
            }
            if (channel.pipeline().get(HANDLER_NAME) == null) {
                channel.pipeline().addFirst(HANDLER_NAME, new Listener(target));
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            warnOnce(e);
            return true;
        }
    }

    private void warnOnce(Exception e) {
        if (!warned) {
            warned = true;
            log.warn("Cannot watch upstream connections for resets; they are reported as closed: {}", e.toString());
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(owner);
            } catch (NoSuchFieldException e) {
                // The field is declared further up the class hierarchy.
            }
        }
        throw new NoSuchFieldException(owner.getClass().getName() + "." + name);
    }

    /** Reports an upstream read that failed with a reset, then passes the exception on. */
    private final class Listener extends ChannelInboundHandlerAdapter {

        private final String target;

        Listener(String target) {
            this.target = target;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) throws Exception {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (cause instanceof IOException && message.contains("connection reset")) {
                onReset.accept(target);
            }
            super.exceptionCaught(context, cause);
        }
    }
}
