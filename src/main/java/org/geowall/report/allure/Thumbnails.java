package org.geowall.report.allure;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Writes screenshot thumbnails: the top of the page, scaled to a fixed width, as JPEG. */
final class Thumbnails {

    static final int WIDTH = 480;

    /** The height kept, in thumbnail pixels: about two screens of a full-page screenshot at 1366 x 768. */
    static final int MAX_HEIGHT = 720;

    private static final float JPEG_QUALITY = 0.75f;

    private Thumbnails() {
    }

    /**
     * Writes a JPEG thumbnail of a PNG or JPEG screenshot.
     *
     * @throws IOException when the screenshot cannot be read as an image or the thumbnail not written
     */
    static void writeJpeg(Path screenshot, Path thumbnail) throws IOException {
        BufferedImage image = ImageIO.read(screenshot.toFile());
        if (image == null) {
            throw new IOException("Not an image that Java can read: " + screenshot);
        }
        double scale = Math.min(1.0, (double) WIDTH / image.getWidth());
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, Math.min(MAX_HEIGHT, (int) Math.round(image.getHeight() * scale)));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = scaled.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            graphics.drawImage(image, 0, 0, (int) Math.round(image.getWidth() * scale),
                    (int) Math.round(image.getHeight() * scale), null);
        } finally {
            graphics.dispose();
        }
        write(scaled, thumbnail);
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam parameters = writer.getDefaultWriteParam();
        parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        parameters.setCompressionQuality(JPEG_QUALITY);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), parameters);
        } finally {
            writer.dispose();
        }
    }
}
