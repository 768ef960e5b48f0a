package org.geowall.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.testng.annotations.Test;

public class BodyDecoderTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String DENIAL = "对不起，您所在的地区暂时无法访问本网站。根据相关规定，境外地址的访问已被限制，请联系网站管理员。";

    @Test
    public void headerCharsetWins() {
        byte[] body = ("<meta charset=\"utf-8\"><p>" + DENIAL).getBytes(GBK);

        BodyDecoder.Decoded decoded = BodyDecoder.decode(body, "text/html; charset=GBK");

        assertThat(decoded.source()).isEqualTo(BodyDecoder.Source.HEADER);
        assertThat(decoded.text()).contains(DENIAL);
    }

    @Test
    public void gbkFromMetaTagWithoutHeaderCharset() {
        byte[] body = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">"
                + "<title>访问被拒绝</title></head><body>" + DENIAL + "</body></html>").getBytes(GBK);

        BodyDecoder.Decoded decoded = BodyDecoder.decode(body, "text/html");

        assertThat(decoded.source()).isEqualTo(BodyDecoder.Source.META);
        assertThat(decoded.charset()).isEqualToIgnoringCase("gbk");
        assertThat(decoded.text()).contains("访问被拒绝").contains(DENIAL);
    }

    @Test
    public void gb2312LabelDecodesGbkOnlyCharacters() {
        // 镕 is in GBK but not in GB2312: browsers still show it on pages labelled gb2312.
        byte[] body = "<meta charset=\"gb2312\">朱镕基".getBytes(GBK);

        assertThat(BodyDecoder.decode(body, null).text()).contains("朱镕基");
    }

    @Test
    public void chineseDetectedWithoutAnyLabel() {
        byte[] body = ("<html><body><p>" + DENIAL.repeat(4) + "</p></body></html>").getBytes(GBK);

        BodyDecoder.Decoded decoded = BodyDecoder.decode(body, "text/html");

        assertThat(decoded.source()).isEqualTo(BodyDecoder.Source.DETECTED);
        assertThat(decoded.charset()).isEqualTo("GB18030");
        assertThat(decoded.text()).contains(DENIAL);
    }

    @Test
    public void utf8BomRemoved() {
        byte[] text = "页面".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[text.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(text, 0, body, 3, text.length);

        BodyDecoder.Decoded decoded = BodyDecoder.decode(body, null);

        assertThat(decoded.source()).isEqualTo(BodyDecoder.Source.BOM);
        assertThat(decoded.text()).isEqualTo("页面");
    }

    @Test
    public void unknownLabelFallsThrough() {
        byte[] body = "plain ascii".getBytes(StandardCharsets.US_ASCII);

        BodyDecoder.Decoded decoded = BodyDecoder.decode(body, "text/html; charset=x-unknown-42");

        assertThat(decoded.text()).isEqualTo("plain ascii");
        assertThat(decoded.source()).isNotEqualTo(BodyDecoder.Source.HEADER);
    }

    @Test
    public void charsetParameterParsed() {
        assertThat(BodyDecoder.charsetParameter("text/html; charset=\"GB2312\"")).isEqualTo("GB2312");
        assertThat(BodyDecoder.charsetParameter("text/html")).isNull();
        assertThat(BodyDecoder.charsetParameter(null)).isNull();
    }
}
