package dev.zonecost.prometheus;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs every request with AWS SigV4 (SDK for Java v2's {@link AwsV4HttpSigner}). The body is read
 * into memory once; its exact bytes are both hashed into the signature and sent. Credentials are
 * resolved on the first request and kept for the run (asked again only when temporary ones are
 * about to expire). An application interceptor, so each retry attempt is signed afresh.
 */
final class SigV4Interceptor implements Interceptor {
  static final String NO_CREDENTIALS =
      "no AWS credentials found: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or run"
          + " with an IAM role";
  private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

  private final SigV4Settings settings;
  private final SecretMasker masker;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private AwsCredentialsIdentity identity;

  SigV4Interceptor(SigV4Settings settings) {
    this(settings, SecretMasker.NONE);
  }

  SigV4Interceptor(SigV4Settings settings, SecretMasker masker) {
    this.settings = settings;
    this.masker = masker;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    byte[] body = new byte[0];
    MediaType type = null;
    if (request.body() != null) {
      Buffer buffer = new Buffer();
      request.body().writeTo(buffer);
      body = buffer.readByteArray();
      type = request.body().contentType();
    }
    SdkHttpFullRequest.Builder unsigned =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.fromValue(request.method()))
            .uri(URI.create(request.url().toString()));
    Headers headers = request.headers();
    for (String name : headers.names()) {
      unsigned.putHeader(name, headers.values(name));
    }
    if (type != null && request.header("Content-Type") == null) {
      // OkHttp would add it after us; adding it here lets the signature cover it.
      unsigned.putHeader("Content-Type", type.toString());
    }
    byte[] payload = body;
    SdkHttpRequest signed =
        signer
            .sign(
                r ->
                    r.identity(identity())
                        .request(unsigned.build())
                        .payload(ContentStreamProvider.fromByteArrayUnsafe(payload))
                        .putProperty(AwsV4HttpSigner.REGION_NAME, settings.region())
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, settings.service())
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                        .putProperty(HttpSigner.SIGNING_CLOCK, settings.clock()))
            .request();
    Headers.Builder out = new Headers.Builder();
    for (Map.Entry<String, List<String>> header : signed.headers().entrySet()) {
      for (String value : header.getValue()) {
        out.add(header.getKey(), value);
      }
    }
    Request.Builder sent = request.newBuilder().headers(out.build());
    if (request.body() != null) {
      // The very bytes that were hashed, not a second serialization of the form.
      sent.method(request.method(), RequestBody.create(body, type));
    }
    return chain.proceed(sent.build());
  }

  /** Resolved once (per expiry); a failure is the user's setup, said in one line. */
  private synchronized AwsCredentialsIdentity identity() {
    Instant now = settings.clock().instant();
    if (identity == null
        || identity
            .expirationTime()
            .map(expiry -> expiry.isBefore(now.plus(REFRESH_BEFORE_EXPIRY)))
            .orElse(false)) {
      try {
        identity = settings.credentials().resolveCredentials();
      } catch (RuntimeException e) {
        // The SDK's message lists every provider it tried; it names no key, but is long.
        throw new BackendException(NO_CREDENTIALS, e);
      }
      if (identity == null) {
        throw new BackendException(NO_CREDENTIALS);
      }
      // A gateway that echoes the request would show these; the masker hides them in its answers.
      masker.add(identity.accessKeyId());
      masker.add(identity.secretAccessKey());
      if (identity instanceof AwsSessionCredentialsIdentity session) {
        masker.add(session.sessionToken());
      }
    }
    return identity;
  }
}
