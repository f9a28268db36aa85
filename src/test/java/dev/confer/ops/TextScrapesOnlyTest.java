package dev.confer.ops;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A scraper asking for protobuf gets the text format where the jar has no protobuf writer; nothing else changes. */
class TextScrapesOnlyTest {

    private static final String PROTOBUF = "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited";

    private static String acceptSeenBehind(TextScrapesOnly filter, String path, String accept) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.addHeader("Accept", accept);
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        return ((jakarta.servlet.http.HttpServletRequest) chain.getRequest()).getHeader("Accept");
    }

    @Test
    void aProtobufScrapeIsAnsweredInTextWhereTheJarHasNoProtobufWriter() throws Exception {
        TextScrapesOnly textOnly = new TextScrapesOnly(false);
        assertThat(acceptSeenBehind(textOnly, "/actuator/prometheus", PROTOBUF + ";q=0.6,text/plain;q=0.5"))
                .isEqualTo(TextScrapesOnly.TEXT);
        assertThat(acceptSeenBehind(textOnly, "/actuator/prometheus", "text/plain")).isEqualTo("text/plain");
        assertThat(acceptSeenBehind(textOnly, "/api/v1/events", PROTOBUF)).isEqualTo(PROTOBUF);
        assertThat(acceptSeenBehind(new TextScrapesOnly(true), "/actuator/prometheus", PROTOBUF)).isEqualTo(PROTOBUF);
    }
}
