package org.districtops.pd.credentials;

import org.districtops.kit.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Baked badges carry the VC-JWT and stay valid images. */
class BadgeBakerTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln";

    @Test
    void aPngCarriesTheCredentialInAnItxtChunkAndStillDecodes() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB), "png", png);
        byte[] baked = BadgeBaker.bake("image/png", png.toByteArray(), JWT);
        assertThat(BadgeBaker.extract(baked)).hasValue(JWT);
        assertThat(ImageIO.read(new ByteArrayInputStream(baked))).isNotNull(); // CRC and layout are right
        assertThat(BadgeBaker.extract(png.toByteArray())).isEmpty();
    }

    @Test
    void anSvgCarriesTheCredentialElement() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>".getBytes(StandardCharsets.UTF_8);
        String baked = new String(BadgeBaker.bake("image/svg+xml", svg, JWT), StandardCharsets.UTF_8);
        assertThat(baked).contains("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"")
                .contains("<openbadges:credential><![CDATA[" + JWT + "]]></openbadges:credential>")
                .endsWith("<circle r=\"4\"/></svg>");
        assertThat(BadgeBaker.extract(baked.getBytes(StandardCharsets.UTF_8))).hasValue(JWT);
    }

    @Test
    void aSelfClosingSvgIsOpenedToHoldTheCredential() {
        String baked = new String(BadgeBaker.bake("image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
                .getBytes(StandardCharsets.UTF_8), JWT), StandardCharsets.UTF_8);
        assertThat(baked).endsWith("]]></openbadges:credential></svg>");
    }

    @Test
    void otherImagesCannotBeBaked() {
        assertThatThrownBy(() -> BadgeBaker.bake("image/gif", new byte[10], JWT)).isInstanceOf(InvalidInputException.class);
    }
}
