import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the Warroom icon and writes it in every format jpackage wants, with no tool beyond the JDK:
 * PNG (Linux and the window icon, 48 and 256 px), ICO (Windows, PNG-compressed entries) and ICNS
 * (macOS, PNG-compressed entries).
 *
 * <p>The mark: a night-shift slate tile with a pulse line whose peaks draw a W, in alert orange, and
 * a red page dot in the corner. It stays readable at 16 px.
 *
 * <pre>java -Djava.awt.headless=true packaging/icons/IconGen.java packaging/icons</pre>
 */
public final class IconGen {
    private static final Color TILE_TOP = new Color(0x1e293b);
    private static final Color TILE_BOTTOM = new Color(0x0b1220);
    private static final Color RIM = new Color(0x334155);
    private static final Color PULSE = new Color(0xf59e0b);
    private static final Color PULSE_HOT = new Color(0xef4444);
    private static final Color PAGE = new Color(0xef4444);

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "packaging/icons");
        Files.createDirectories(out);
        int[] sizes = {16, 32, 48, 64, 128, 256, 512, 1024};
        Map<Integer, byte[]> png = new LinkedHashMap<>();
        for (int size : sizes) {
            png.put(size, toPng(draw(size)));
        }
        for (int size : new int[] {48, 256}) {
            Files.write(out.resolve("warroom-" + size + ".png"), png.get(size));
        }
        // jpackage on Linux takes one PNG: the 256 px one, under the launcher's name
        Files.write(out.resolve("warroom.png"), png.get(256));
        Files.write(out.resolve("warroom.ico"), ico(png, 16, 32, 48, 64, 128, 256));
        Files.write(out.resolve("warroom.icns"), icns(png));
        System.out.println("icons written to " + out.toAbsolutePath());
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        double s = size;
        // the tile, with a little margin as platform icons have
        double m = s * 0.06;
        var tile = new RoundRectangle2D.Double(m, m, s - 2 * m, s - 2 * m, s * 0.36, s * 0.36);
        g.setPaint(new GradientPaint(0, (float) m, TILE_TOP, 0, (float) (s - m), TILE_BOTTOM));
        g.fill(tile);
        g.setColor(RIM);
        g.setStroke(new BasicStroke((float) Math.max(1, s * 0.015)));
        g.draw(tile);

        // the pulse: flat, then a W of sharp peaks, then flat again
        double[][] pts = {
            {0.14, 0.58}, {0.26, 0.58}, {0.33, 0.30}, {0.43, 0.76},
            {0.50, 0.44}, {0.57, 0.76}, {0.67, 0.30}, {0.74, 0.58}, {0.86, 0.58},
        };
        Path2D.Double pulse = new Path2D.Double();
        pulse.moveTo(pts[0][0] * s, pts[0][1] * s);
        for (int i = 1; i < pts.length; i++) {
            pulse.lineTo(pts[i][0] * s, pts[i][1] * s);
        }
        float width = (float) Math.max(1.6, s * 0.075);
        g.setPaint(new GradientPaint((float) (0.14 * s), 0, PULSE, (float) (0.86 * s), 0, PULSE_HOT));
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(pulse);

        // the page: a red dot with a dark ring so it separates from the tile
        double d = s * 0.22;
        double x = s - m - d * 0.95;
        double y = m - d * 0.05;
        g.setColor(TILE_BOTTOM);
        double ring = Math.max(1, s * 0.03);
        g.fill(new Ellipse2D.Double(x - ring, y - ring, d + 2 * ring, d + 2 * ring));
        g.setColor(PAGE);
        g.fill(new Ellipse2D.Double(x, y, d, d));
        g.dispose();
        return img;
    }

    static byte[] toPng(BufferedImage img) throws IOException {
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bytes);
        return bytes.toByteArray();
    }

    /** ICO with PNG-compressed images (Windows Vista and later read them at every size). */
    static byte[] ico(Map<Integer, byte[]> png, int... sizes) {
        int header = 6 + 16 * sizes.length;
        int total = header;
        for (int size : sizes) {
            total += png.get(size).length;
        }
        ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = header;
        for (int size : sizes) {
            byte[] data = png.get(size);
            buf.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
            buf.put((byte) 0).put((byte) 0);
            buf.putShort((short) 1).putShort((short) 32);
            buf.putInt(data.length).putInt(offset);
            offset += data.length;
        }
        for (int size : sizes) {
            buf.put(png.get(size));
        }
        return buf.array();
    }

    /** ICNS with PNG entries: the types macOS 10.7+ reads (icp4..6, ic07..ic10). */
    static byte[] icns(Map<Integer, byte[]> png) throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("icp6", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic09", 512);
        types.put("ic10", 1024);
        var body = new ByteArrayOutputStream();
        var out = new DataOutputStream(body);
        for (var e : types.entrySet()) {
            byte[] data = png.get(e.getValue());
            out.writeBytes(e.getKey());
            out.writeInt(8 + data.length);
            out.write(data);
        }
        var file = new ByteArrayOutputStream();
        var head = new DataOutputStream(file);
        head.writeBytes("icns");
        head.writeInt(8 + body.size());
        head.write(body.toByteArray());
        return file.toByteArray();
    }
}
