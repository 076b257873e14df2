package io.github.eventcontracts.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body handler that keeps at most {@code limit} bytes: a registry response is bytes from outside,
 * so a hostile or broken registry (an endless body, a multi-gigabyte "schema") must not exhaust the heap.
 * A declared {@code Content-Length} above the limit is refused before anything is read; a body that grows
 * past it while streaming is cancelled. Either way the request fails with {@link TooLarge}, an IOException
 * whose message names the limit.
 */
final class BoundedBody implements HttpResponse.BodyHandler<String> {
  /** Thrown (as the send's IOException) when a response is larger than allowed. */
  static final class TooLarge extends IOException {
    TooLarge(String message) {
      super(message);
    }
  }

  private final long limit;

  BoundedBody(long limit) {
    this.limit = limit;
  }

  @Override
  public HttpResponse.BodySubscriber<String> apply(HttpResponse.ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (declared > limit) {
      return new Refusing(tooLarge(declared + " bytes declared"));
    }
    return new Collecting();
  }

  private TooLarge tooLarge(String what) {
    return new TooLarge("the registry's response is larger than " + limit + " bytes (" + what
        + "); a schema registry answers in kilobytes: check the registry URL");
  }

  /** Fails at once, reading nothing. */
  private static final class Refusing implements HttpResponse.BodySubscriber<String> {
    private final CompletableFuture<String> result = new CompletableFuture<>();

    Refusing(TooLarge error) {
      result.completeExceptionally(error);
    }

    @Override
    public CompletionStage<String> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.cancel();
    }

    @Override
    public void onNext(List<ByteBuffer> item) {}

    @Override
    public void onError(Throwable throwable) {}

    @Override
    public void onComplete() {}
  }

  /** Collects the body, cancelling the stream as soon as it passes the limit. */
  private final class Collecting implements HttpResponse.BodySubscriber<String> {
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    @Override
    public CompletionStage<String> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : buffers) {
        if (bytes.size() + (long) b.remaining() > limit) {
          subscription.cancel();
          result.completeExceptionally(tooLarge("more than that was sent"));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toString(StandardCharsets.UTF_8));
    }
  }
}
