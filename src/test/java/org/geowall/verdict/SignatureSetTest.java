package org.geowall.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;

public class SignatureSetTest {

    private static Path yaml(String text) throws IOException {
        Path file = Files.createTempFile("signatures", ".yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    public void builtInSetLoads() {
        SignatureSet set = SignatureSet.builtIn();

        assertThat(set.signatures()).extracting(Signature::vendor).contains("Alibaba Cloud WAF", "Tencent Cloud WAF",
                "Huawei Cloud WAF", "Knownsec", "Cloudflare", "Akamai", "Imperva");
        assertThat(set.falsePositives()).isNotEmpty();
    }

    @Test
    public void headerAndStatusAloneNotAChallengeWall() throws IOException {
        Path file = yaml("signatures:\n  - id: cdn\n    verdict: captcha_wall\n    match:\n      status: [200]\n"
                + "      header: {name: Server, pattern: cdn}\n");

        assertThatThrownBy(() -> SignatureSet.load(file)).hasMessageContaining("signature 'cdn'")
                .hasMessageContaining("header alone never proves");
    }

    @Test
    public void headerWithoutPatternNamed() throws IOException {
        Path file = yaml("signatures:\n  - id: h\n    verdict: block_page\n    match:\n      header: {name: Server}\n");

        assertThatThrownBy(() -> SignatureSet.load(file)).hasMessageContaining("signature 'h'")
                .hasMessageContaining("'name' and 'pattern'");
    }

    @Test
    public void missingFileExplained() {
        assertThatThrownBy(() -> SignatureSet.load(Path.of("no-such-signatures.yaml")))
                .hasMessageContaining("not found");
    }

    @Test
    public void ooniCsvImported() throws IOException {
        Path csv = Files.createTempFile("ooni", ".csv");
        Files.writeString(csv, "name,scope,other_names,location_found,pattern_type,pattern,confidence_no_fp,"
                + "expected_countries,source,exp_url,notes\n"
                + "wirefilter,nat,,header.server,prefix,Protected by WireFilter,5,AE,,,\n"
                + "example_fp,fp,,body,contains,Welcome to nginx,5,,,,\n");

        SignatureSet set = OoniFingerprints.read(csv);
        ResponseView blocked = new ResponseView(200, Map.of("server", "Protected by WireFilter 8000"), null, "",
                List.of(), List.of());

        assertThat(set.signatures()).hasSize(1);
        assertThat(set.falsePositives()).hasSize(1);
        assertThat(set.match(blocked)).hasValueSatisfying(hit -> assertThat(hit.signature().id())
                .isEqualTo("ooni:wirefilter"));
    }

    @Test
    public void ooniBadRegexNamesFile() throws IOException {
        Path csv = Files.createTempFile("ooni", ".csv");
        Files.writeString(csv, "name,scope,location_found,pattern_type,pattern\nbad,nat,body,regexp,(unclosed\n");

        assertThatThrownBy(() -> OoniFingerprints.read(csv)).hasMessageContaining(csv.toString())
                .hasMessageContaining("invalid pattern");
    }
}
