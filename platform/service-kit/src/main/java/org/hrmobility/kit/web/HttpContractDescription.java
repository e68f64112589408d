package org.hrmobility.kit.web;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.HttpHeaders;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Writes the kit's HTTP contract into every service's OpenAPI description, where the controllers cannot say it: reads
 * of one aggregate answer {@code ETag}; commands on one take {@code If-Match} (412 when stale); every POST takes
 * {@code Idempotency-Key} (the first answer replayed, 422 for another request under the same key).
 */
public class HttpContractDescription implements GlobalOpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach(this::describe);
    }

    private void describe(String path, PathItem item) {
        boolean onOne = path.contains("{");
        if (item.getGet() != null && onOne) {
            withETag(item.getGet());
        }
        Operation post = item.getPost();
        if (post != null) {
            post.addParametersItem(new HeaderParameter().name(IdempotentPosts.HEADER).required(false)
                    .description("Makes a retry safe: the same key with the same request answers the first answer again "
                            + "(with Idempotent-Replayed: true) without acting twice; kept 24 hours per caller.")
                    .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7e]+$")));
            responses(post).addApiResponse("422", new ApiResponse().description(
                    "A rule refuses the command, or the Idempotency-Key was used for another request (problem+json)."));
            if (onOne) {
                post.addParametersItem(new HeaderParameter().name(HttpHeaders.IF_MATCH).required(false)
                        .description("The ETag you read: the command is refused with 412 when the record changed since.")
                        .schema(new StringSchema().example("\"3\"")));
                responses(post).addApiResponse("412", new ApiResponse()
                        .description("The record changed since the ETag given in If-Match (problem+json); read it again."));
                withETag(post);
            }
        }
    }

    private static void withETag(Operation operation) {
        ApiResponse ok = responses(operation).get("200");
        if (ok != null) {
            ok.addHeaderObject(HttpHeaders.ETAG, new Header().description("The record's version, for If-Match.")
                    .schema(new StringSchema().example("\"3\"")));
        }
    }

    private static ApiResponses responses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        return operation.getResponses();
    }
}
