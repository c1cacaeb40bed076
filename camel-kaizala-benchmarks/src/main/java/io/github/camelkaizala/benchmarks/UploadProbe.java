package io.github.camelkaizala.benchmarks;

import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.camelkaizala.simulator.KaizalaSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.KaizalaComponent;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.model.MediaResponse;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Runs in its own JVM with a small heap ({@code -Xmx256m}): uploads generated streams through
 * {@code kaizala:media/upload} and prints, for each, the heap it needed. Arguments: authUrl, then one
 * {@code ROUTE:SIZE} per upload, ROUTE being {@code streaming} (the route has {@code noStreamCaching()}) or
 * {@code defaults} (Camel's defaults: stream caching on, in memory). One line per upload:
 * {@code RESULT route size liveMidUpload maxAfterGc peakUsed millis mediaResource}.
 */
public final class UploadProbe {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private UploadProbe() {
    }

    public static void main(String[] args) throws Exception {
        String authUrl = args[0];
        AtomicLong maxAfterGc = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> isHeap(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                    maxAfterGc.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        try (CamelContext context = new DefaultCamelContext()) {
            KaizalaComponent kaizala = new KaizalaComponent();
            kaizala.getConfiguration().setAuthUrl(authUrl);
            kaizala.getConfiguration().setApplicationId(KaizalaSimulator.DEFAULT_APPLICATION_ID);
            kaizala.getConfiguration().setApplicationSecret(KaizalaSimulator.DEFAULT_APPLICATION_SECRET);
            kaizala.getConfiguration().setRefreshToken(KaizalaSimulator.DEFAULT_REFRESH_TOKEN);
            kaizala.getConfiguration().setRateLimit(0);
            kaizala.getConfiguration().setMaxRetries(0);
            kaizala.getConfiguration().setResponseTimeout(300_000);
            context.addComponent("kaizala", kaizala);
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    // a route that uploads big streams turns stream caching off: Camel 4 caches a stream body in
                    // memory when it enters a route (spooling to disk is off by default), before any producer sees it
                    from("direct:streaming").noStreamCaching().to("kaizala:media/upload?fileName=bench-video.mp4");
                    from("direct:defaults").to("kaizala:media/upload?fileName=bench-video.mp4");
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            upload(template, "streaming", 64 * 1024, null); // warms up: token, connection, classes
            upload(template, "defaults", 64 * 1024, null);
            for (int i = 1; i < args.length; i++) {
                String route = args[i].substring(0, args[i].indexOf(':'));
                long size = Long.parseLong(args[i].substring(args[i].indexOf(':') + 1));
                System.gc();
                maxAfterGc.set(0);
                long[] liveMidUpload = new long[1];
                long[] peak = {MEMORY.getHeapMemoryUsage().getUsed()};
                Thread sampler = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peak[0] = Math.max(peak[0], MEMORY.getHeapMemoryUsage().getUsed());
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "heap-sampler");
                sampler.setDaemon(true);
                sampler.start();
                long start = System.nanoTime();
                String resource = upload(template, route, size, () -> {
                    // halfway through the upload, with everything it holds still live: what does the heap keep?
                    System.gc();
                    liveMidUpload[0] = MEMORY.getHeapMemoryUsage().getUsed();
                });
                long millis = (System.nanoTime() - start) / 1_000_000;
                sampler.interrupt();
                sampler.join();
                System.out.println(
                        String.format(Locale.ROOT, "RESULT %s %d %d %d %d %d %s", route, size, liveMidUpload[0],
                                maxAfterGc.get(), peak[0], millis, resource));
            }
        }
    }

    private static boolean isHeap(String pool) {
        return pool.contains("Eden") || pool.contains("Survivor") || pool.contains("Old") || pool.contains("Tenured");
    }

    private static String upload(ProducerTemplate template, String route, long size, Runnable halfway)
            throws Exception {
        Exchange done = template.request("direct:" + route,
                e -> e.getMessage().setBody(new GeneratedStream(size, halfway)));
        if (done.getException() != null) {
            throw done.getException();
        }
        String resource = done.getMessage().getHeader(KaizalaConstants.MEDIA_RESOURCE, String.class);
        return resource != null ? resource : done.getMessage().getBody(MediaResponse.class).mediaResource();
    }

    /** {@code size} bytes of a repeated 64 KiB pattern, made as they are read; calls {@code halfway} once in the middle. */
    static final class GeneratedStream extends InputStream {

        private static final byte[] PATTERN = new byte[64 * 1024];

        static {
            for (int i = 0; i < PATTERN.length; i++) {
                PATTERN[i] = (byte) (i * 31 + (i >>> 8));
            }
        }

        private final long size;
        private final Runnable halfway;
        private long position;
        private boolean halfwayDone;

        GeneratedStream(long size, Runnable halfway) {
            this.size = size;
            this.halfway = halfway;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            return PATTERN[(int) (position++ % PATTERN.length)] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            if (!halfwayDone && halfway != null && position >= size / 2) {
                halfwayDone = true;
                halfway.run();
            }
            int offset = (int) (position % PATTERN.length);
            int n = (int) Math.min(Math.min(len, PATTERN.length - offset), size - position);
            System.arraycopy(PATTERN, offset, b, off, n);
            position += n;
            return n;
        }
    }

}
