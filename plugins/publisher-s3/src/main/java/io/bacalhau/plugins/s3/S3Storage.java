package io.bacalhau.plugins.s3;

import io.bacalhau.core.spi.net.AddressPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The only class that imports the AWS SDK: puts, lists, gets and pre-signs objects, one client per
 * endpoint and region, and turns SDK exceptions into {@link S3Failure}s.
 */
final class S3Storage implements AutoCloseable {
  private static final int STALE_CONNECTION_ATTEMPTS = 3;

  private final Map<String, String> env;
  private final AddressPolicy policy;
  private final Map<S3Endpoint, S3Client> clients = new ConcurrentHashMap<>();

  /**
   * @param env the node's environment, read for AWS_* credentials and region
   * @param policy which hosts a job's {@code Endpoint} may name; checked before every request
   */
  S3Storage(Map<String, String> env, AddressPolicy policy) {
    this.env = Map.copyOf(env);
    this.policy = policy;
  }

  record Listed(String key, long size) {}

  /** Uploads a file; returns the version ID S3 gave it ("" when the bucket is not versioned). */
  String put(S3Endpoint endpoint, String bucket, String key, Path file) {
    return call(
        () -> {
          PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(key);
          PutObjectResponse response = checked(endpoint).putObject(request.build(), file);
          return response.versionId() == null ? "" : response.versionId();
        });
  }

  /**
   * Asks whether the bucket can be reached with these credentials. Used to explain a failed upload:
   * a server may refuse a large body by closing the connection, so the upload itself sees only a
   * reset.
   */
  void headBucket(S3Endpoint endpoint, String bucket) {
    try {
      call(() -> checked(endpoint).headBucket(HeadBucketRequest.builder().bucket(bucket).build()));
    } catch (S3Failure f) {
      // HEAD answers carry no body, hence no S3 error code: name it from the status.
      String code =
          !f.s3Code().isEmpty()
              ? f.s3Code()
              : switch (f.status()) {
                case 404 -> "NoSuchBucket";
                case 403 -> "AccessDenied";
                case 301 -> "PermanentRedirect";
                default -> "";
              };
      throw new S3Failure(f.status(), code, f.bucketRegion(), f.getMessage(), f.getCause());
    }
  }

  /** Every object under a prefix, in key order. */
  List<Listed> list(S3Endpoint endpoint, String bucket, String prefix) {
    return call(
        () -> {
          List<Listed> all = new ArrayList<>();
          ListObjectsV2Request request =
              ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
          for (S3Object object : checked(endpoint).listObjectsV2Paginator(request).contents()) {
            all.add(new Listed(object.key(), object.size()));
          }
          return all;
        });
  }

  /** Downloads one object (a given version when {@code versionId} is not empty) to a file. */
  void get(S3Endpoint endpoint, String bucket, String key, String versionId, Path target) {
    call(
        () -> {
          GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
          if (!versionId.isEmpty()) {
            request.versionId(versionId);
          }
          try (ResponseInputStream<GetObjectResponse> in =
              checked(endpoint).getObject(request.build())) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
          return null;
        });
  }

  /** Opens an object for reading. */
  InputStream open(S3Endpoint endpoint, String bucket, String key) {
    return call(
        () ->
            checked(endpoint)
                .getObject(GetObjectRequest.builder().bucket(bucket).key(key).build()));
  }

  /** A URL anyone holding it can GET the object from, until it expires. */
  URI presignGet(S3Endpoint endpoint, String bucket, String key, Duration validFor) {
    return call(
        () -> {
          S3Presigner.Builder builder =
              S3Presigner.builder()
                  .region(region(endpoint))
                  .credentialsProvider(credentials())
                  .serviceConfiguration(
                      software.amazon.awssdk.services.s3.S3Configuration.builder()
                          .pathStyleAccessEnabled(!endpoint.isAws())
                          .build());
          if (!endpoint.isAws()) {
            builder.endpointOverride(URI.create(endpoint.endpoint()));
          }
          try (S3Presigner presigner = withPluginClassLoader(builder::build)) {
            return presigner
                .presignGetObject(
                    r ->
                        r.signatureDuration(validFor)
                            .getObjectRequest(g -> g.bucket(bucket).key(key)))
                .url()
                .toURI();
          }
        });
  }

  /**
   * The client for an endpoint, once the endpoint's host passed the address policy. Checked before
   * every request, not once per client, since a name may resolve elsewhere later. The SDK's HTTP
   * client follows no redirects, so this host is the only one a request reaches; AWS itself (no
   * endpoint) is not checked.
   */
  private S3Client checked(S3Endpoint endpoint) throws IOException {
    if (!endpoint.isAws()) {
      policy.check(URI.create(endpoint.endpoint()), "S3");
    }
    return client(endpoint);
  }

  private S3Client client(S3Endpoint endpoint) {
    return clients.computeIfAbsent(endpoint, e -> withPluginClassLoader(() -> build(e)));
  }

  /**
   * The SDK finds its interceptors and services through the thread's context class loader; in a
   * plugin that is the host's, which cannot see the SDK, so point it at ours while building.
   */
  private static <T> T withPluginClassLoader(java.util.function.Supplier<T> action) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(S3Storage.class.getClassLoader());
    try {
      return action.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private S3Client build(S3Endpoint endpoint) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(credentials())
            .region(region(endpoint));
    if (endpoint.isAws()) {
      // Without a Region we cannot know where the bucket is: let the SDK follow S3's redirects.
      builder.crossRegionAccessEnabled(endpoint.region().isEmpty() && regionFromEnv().isEmpty());
    } else {
      // S3-compatible servers: path-style addressing and no checksums they may not understand.
      builder
          .endpointOverride(URI.create(endpoint.endpoint()))
          .forcePathStyle(true)
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return builder.build();
  }

  private Region region(S3Endpoint endpoint) {
    if (!endpoint.region().isEmpty()) {
      return Region.of(endpoint.region());
    }
    String fromEnv = regionFromEnv();
    return Region.of(fromEnv.isEmpty() ? S3Endpoint.DEFAULT_REGION : fromEnv);
  }

  private String regionFromEnv() {
    return env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "")).strip();
  }

  /** Keys from the node's environment first, then the standard chain, then anonymous access. */
  private AwsCredentialsProvider credentials() {
    String id = env.getOrDefault("AWS_ACCESS_KEY_ID", "");
    String secret = env.getOrDefault("AWS_SECRET_ACCESS_KEY", "");
    String token = env.getOrDefault("AWS_SESSION_TOKEN", "");
    if (!id.isEmpty() && !secret.isEmpty()) {
      return StaticCredentialsProvider.create(
          token.isEmpty()
              ? AwsBasicCredentials.create(id, secret)
              : AwsSessionCredentials.create(id, secret, token));
    }
    return AwsCredentialsProviderChain.builder()
        .credentialsProviders(
            DefaultCredentialsProvider.builder().build(), AnonymousCredentialsProvider.create())
        .build();
  }

  private interface Call<T> {
    T run() throws IOException, java.net.URISyntaxException;
  }

  private static <T> T call(Call<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return once(call);
      } catch (java.io.UncheckedIOException stale) {
        // The SDK's URLConnection client reports a pooled connection the server had closed
        // ("Unexpected end of file from server") this way, outside the SDK's own retries; every
        // call here is idempotent, so a fresh connection is tried.
        if (attempt >= STALE_CONNECTION_ATTEMPTS) {
          throw new S3Failure(0, "", "", stale.getCause().toString(), stale);
        }
      }
    }
  }

  private static <T> T once(Call<T> call) {
    try {
      return call.run();
    } catch (S3Exception e) {
      String region =
          e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null
              ? ""
              : e.awsErrorDetails()
                  .sdkHttpResponse()
                  .firstMatchingHeader("x-amz-bucket-region")
                  .orElse("");
      String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
      String message =
          e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
      throw new S3Failure(e.statusCode(), code, region, message, e);
    } catch (SdkException e) {
      throw new S3Failure(0, "", "", e.getMessage(), e);
    } catch (IOException | java.net.URISyntaxException e) {
      throw new S3Failure(0, "", "", e.toString(), e);
    }
  }

  @Override
  public void close() {
    clients.values().forEach(S3Client::close);
    clients.clear();
  }
}
