package org.apache.camel.component.kaizala.internal.operation;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.apache.camel.component.kaizala.internal.wire.ApiRequest;
import org.apache.camel.component.kaizala.internal.wire.KaizalaClient;
import org.apache.camel.component.kaizala.internal.wire.KaizalaJson;
import org.apache.camel.component.kaizala.model.ActionCreatedResponse;
import org.apache.camel.component.kaizala.model.MediaResponse;
import org.apache.camel.component.kaizala.model.MediaSentResponse;

/**
 * media/send (reference §8): posts an attachment action, uploading the body first when it is a file. Every input is
 * checked before the first request: the file, the action, and the attachment request's own path, query and headers
 * (its table row); only the {@code mediaResource} the upload answers is filled in afterwards.
 */
public final class MediaSend {

    private MediaSend() {
    }

    /**
     * @param upload    the media/upload row's request
     * @param send      the media/send row's request
     * @param fieldName the multipart field name of the upload
     */
    public static Call prepare(RequestTemplate upload, RequestTemplate send, OperationInput input, String fieldName) {
        // the validation step: everything the two requests need
        MediaUpload file = RequestBodies.isMediaFile(input) ? MediaUpload.from(input) : null;
        RequestBodies.MediaAction action = RequestBodies.mediaAction(input, file == null ? null : file.actionType());
        ApiRequest post = send.build(input, null);
        ApiRequest uploadRequest = file == null ? null : upload.build(input, file.entity(fieldName));
        Function<byte[], ActionCreatedResponse> created = Readers.model(ActionCreatedResponse.class, post.operation());
        if (uploadRequest == null) {
            return client -> attach(client, post, action, action.mediaResource(), created);
        }
        Function<byte[], MediaResponse> uploaded = Readers.model(MediaResponse.class, uploadRequest.operation());
        return client -> client.call(uploadRequest).thenCompose(response -> {
            MediaResponse media = uploaded.apply(response.getBodyBytes());
            return attach(client, post, action, media.mediaResource(), created);
        });
    }

    private static CompletableFuture<Object> attach(
            KaizalaClient client, ApiRequest post, RequestBodies.MediaAction action, String mediaResource,
            Function<byte[], ActionCreatedResponse> created) {
        ApiRequest request = RequestTemplate.withBody(post,
                ApiRequest.json(KaizalaJson.write(action.request(mediaResource))));
        return client.call(request).thenApply(response -> {
            ActionCreatedResponse answer = created.apply(response.getBodyBytes());
            return new MediaSentResponse(answer.referenceId(), mediaResource);
        });
    }
}
