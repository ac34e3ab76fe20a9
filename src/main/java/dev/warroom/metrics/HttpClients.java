package dev.warroom.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Builds the OkHttp client for one source: its timeouts, its Authorization header, its CA, and a
 * log that never shows a credential.
 *
 * <p>Redirects are not followed: Grafana answers a bad token with a redirect to its login page, which
 * would otherwise arrive as a 200 HTML page; and a redirect to another host must not take the
 * Authorization header along.
 */
public final class HttpClients {
    /** Request lines and status at FINE, headers (Authorization masked) at FINEST. */
    public static final Logger LOG = Logger.getLogger("dev.warroom.metrics.http");

    private HttpClients() {
    }

    /**
     * A client for {@code config}. Each source owns its client; {@link #release(OkHttpClient)} frees
     * its threads and connections when the source closes.
     *
     * @throws SourceConfigException when the CA file is missing, unreadable or holds no certificate
     */
    public static OkHttpClient build(SourceConfig config) {
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .connectionPool(new ConnectionPool(4, 1, TimeUnit.MINUTES))
                .followRedirects(false)
                .followSslRedirects(false)
                .addInterceptor(new Authorize(config.credentials()))
                .addNetworkInterceptor(new RedactingLog(config.credentials().secrets()));
        if (config.caCertificate() != null) {
            X509TrustManager trust = trustOnly(config.caCertificate());
            try {
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, new TrustManager[] {trust}, null);
                b.sslSocketFactory(tls.getSocketFactory(), trust);
            } catch (GeneralSecurityException e) {
                throw new SourceConfigException(config.caCertificate() + ": cannot set up TLS with this CA: " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    /** Stops the client's idle threads and closes its pooled connections. */
    public static void release(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /**
     * A trust manager that accepts exactly the certificates in {@code pemFile} as roots. Only those: a
     * source behind an internal CA has no business presenting a certificate from a public one.
     */
    static X509TrustManager trustOnly(Path pemFile) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pemFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new SourceConfigException(pemFile + ": CA certificate file does not exist");
        } catch (IOException e) {
            throw new SourceConfigException(pemFile + ": cannot read the CA certificate file: " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new SourceConfigException(pemFile + ": not a PEM certificate file: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new SourceConfigException(pemFile + ": no certificate found (expected -----BEGIN CERTIFICATE-----)");
        }
        try {
            KeyStore roots = KeyStore.getInstance(KeyStore.getDefaultType());
            roots.load(null, null);
            int i = 0;
            for (Certificate c : certificates) {
                roots.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(roots);
            for (TrustManager m : factory.getTrustManagers()) {
                if (m instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new SourceConfigException(pemFile + ": the JDK offers no X.509 trust manager");
        } catch (GeneralSecurityException | IOException e) {
            throw new SourceConfigException(pemFile + ": cannot trust these certificates: " + e.getMessage(), e);
        }
    }

    /**
     * Adds the Authorization header. An application interceptor, not a network one: OkHttp then
     * sees the header as the caller's and would drop it on a cross-host follow-up.
     */
    private record Authorize(Credentials credentials) implements Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            if (request.header("Authorization") != null || credentials.authorization().isEmpty()) {
                return chain.proceed(request);
            }
            return chain.proceed(request.newBuilder().header("Authorization", credentials.authorization().get()).build());
        }
    }

    /** Logs what went over the wire, through {@link Redactor} and with header values of secrets masked. */
    private record RedactingLog(List<String> secrets) implements Interceptor {
        private static final List<String> SECRET_HEADERS =
                List.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "x-grafana-key");

        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            if (!LOG.isLoggable(Level.FINE)) {
                return chain.proceed(request);
            }
            long started = System.nanoTime();
            if (LOG.isLoggable(Level.FINEST)) {
                LOG.finest(clean("--> " + request.method() + " " + request.url() + " " + headers(request.headers())));
            }
            try {
                Response response = chain.proceed(request);
                LOG.fine(clean(request.method() + " " + request.url() + " -> " + response.code() + " ("
                        + (System.nanoTime() - started) / 1_000_000 + " ms)"));
                if (LOG.isLoggable(Level.FINEST)) {
                    LOG.finest(clean("<-- " + response.code() + " " + headers(response.headers())));
                }
                return response;
            } catch (IOException e) {
                LOG.fine(clean(request.method() + " " + request.url() + " failed: " + e));
                throw e;
            }
        }

        private static String headers(okhttp3.Headers headers) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < headers.size(); i++) {
                String name = headers.name(i);
                lines.add(name + ": " + (SECRET_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))
                        ? Redactor.MASK : headers.value(i)));
            }
            return String.join("; ", lines);
        }

        private String clean(String line) {
            return Redactor.scrub(line, secrets);
        }
    }
}
