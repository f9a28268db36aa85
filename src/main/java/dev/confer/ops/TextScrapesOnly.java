package dev.confer.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The metrics scrape in Prometheus' text format when the protobuf format is not in the jar (it is left out:
 * 2 MB of shaded protobuf for a format Prometheus asks for only with native histograms switched on). A scraper
 * that prefers protobuf then gets the text format, which every Prometheus reads, instead of a 500.
 */
@Component
class TextScrapesOnly extends OncePerRequestFilter {

    static final String TEXT = "text/plain;version=0.0.4;charset=utf-8";

    private final boolean protobufWritten;

    TextScrapesOnly() {
        this(ClassUtils.isPresent("io.prometheus.metrics.expositionformats.internal.PrometheusProtobufWriterImpl",
                TextScrapesOnly.class.getClassLoader()));
    }

    TextScrapesOnly(boolean protobufWritten) {
        this.protobufWritten = protobufWritten;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return protobufWritten || !"/actuator/prometheus".equals(request.getRequestURI()) || accept == null
                || !accept.contains("protobuf");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return "Accept".equalsIgnoreCase(name) ? TEXT : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return "Accept".equalsIgnoreCase(name) ? Collections.enumeration(List.of(TEXT)) : super.getHeaders(name);
            }
        }, response);
    }
}
