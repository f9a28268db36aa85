package dev.confer.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeadsCsvTest {

    @Test
    void quotesWhatWouldBreakACellAndDefusesFormulas() {
        assertThat(LeadsCsv.cell(null)).isEmpty();
        assertThat(LeadsCsv.cell("김민준")).isEqualTo("김민준");
        assertThat(LeadsCsv.cell("Foo, Inc.")).isEqualTo("\"Foo, Inc.\"");
        assertThat(LeadsCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(LeadsCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(LeadsCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(LeadsCsv.cell("+82 10")).isEqualTo("'+82 10");
        assertThat(LeadsCsv.cell("@sum")).isEqualTo("'@sum");
        // a spreadsheet that splits on ';' (or '|', or tabs) would read what follows as a cell of its own
        assertThat(LeadsCsv.cell(";=1+1")).isEqualTo("\"';=1+1\"");
        assertThat(LeadsCsv.cell("ACME; =HYPERLINK(\"http://x\")")).startsWith("\"'ACME;");
        assertThat(LeadsCsv.cell("a|@sum")).isEqualTo("'a|@sum");
        assertThat(LeadsCsv.cell("Kim - CTO")).isEqualTo("Kim - CTO");
    }
}
