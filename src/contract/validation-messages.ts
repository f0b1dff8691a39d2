/**
 * Every validation rule of the contract has one message key. The engine and the bff render the
 * English text; the SPA translates the key through i18n (`validation.<key>`), so a rule reads the
 * same wherever it is broken.
 */
export const validationMessages = {
  required: 'This field is required.',
  'name.required': 'Enter a name.',
  'name.tooLong': 'A name has at most 128 characters.',
  'name.format': 'Use letters, digits, underscores (_) and hyphens (-), and do not start with a digit or a hyphen.',
  'description.tooLong': 'A description has at most 256 characters.',
  'qualifier.format': 'Choose LATEST, a published version or an alias.',
  'alias.weight.range': 'A weight is a percentage from 0 to 100.',
  'alias.weight.sameVersion': "Choose a version other than the alias's main version.",
  'triggerType.http': 'Only HTTP triggers are supported.',
  'methods.required': 'Select at least one request method.',
  'methods.duplicate': 'Each request method can be selected once.',
  'methods.invalid': 'Request methods are GET, POST, PUT, DELETE, HEAD, PATCH and OPTIONS.',
  'authType.invalid': 'Choose an authentication method.',
  'json.invalid': 'This is not valid JSON.',
  'text.wellFormed': 'This text holds an unpaired surrogate character, which cannot be sent.',
  'jwt.jwks.required': 'Paste a JWKS with at least one key: {"keys": [ ... ]}.',
  'jwt.jwks.keyType': 'Each key of the JWKS needs a "kty".',
  'jwt.jwks.secretMissing':
    'A key has a blank private member but no stored key has its kid, type and public part: paste the whole key.',
  'jwt.tokenLookup.required': 'Say where to find the token, for example header:Authorization:Bearer .',
  'jwt.tokenLookup.format':
    'Each entry is header:<name>[:<prefix>], cookie:<name>, query:<name> or form:<name>, separated by commas.',
  'jwt.claimPassBy.format':
    'Each entry is header:<claim>:<header>, query:<claim>:<parameter>, form:<claim>:<field> or cookie:<claim>:<cookie>, separated by commas.',
  'jwt.paths.format': 'A path starts with / and may end with * to match a prefix.',
  'jwt.paths.tooMany': 'At most 100 paths.',
  'basic.users.required': 'Add at least one user.',
  'basic.users.tooMany': 'At most 20 users.',
  'basic.username.length': 'A username has 12 to 128 characters.',
  'basic.username.duplicate': 'Each username can be used once.',
  'basic.username.colon':
    'A username cannot contain a colon (:): Basic authentication splits the username from the password at the first one.',
  'basic.password.length': 'A password has 12 to 128 characters.',
  'basic.password.complexity':
    'A password needs an uppercase letter, a lowercase letter, a digit and a special character.',
  'basic.password.duplicate': 'Each user needs a different password.',
  'basic.password.sameAsUsername': 'A password cannot be the same as its username.',
  'bearer.tokens.required': 'Add at least one token.',
  'bearer.tokens.tooMany': 'At most 20 tokens.',
  'bearer.name.format':
    'A token name has at most 128 letters, digits, underscores and hyphens, and does not start with a digit or a hyphen.',
  'bearer.name.duplicate': 'Each token name can be used once in a trigger.',
  'bearer.token.format': 'A token has 32 to 128 of A-Z a-z 0-9 + / = - ~ .',
  'cors.allowOrigins.required': 'Add at least one allowed origin.',
  'cors.allowOrigins.tooMany': 'At most 100 allowed origins.',
  'cors.origin.tooLong': 'An origin has at most 256 characters.',
  'cors.origin.format': 'Use *, https://*, http://* or an exact origin such as https://example.com.',
  'cors.origin.subdomainWildcard':
    'Subdomain wildcards such as https://*.example.com are not supported: list each origin, or use https://*.',
  'cors.allowMethods.options': 'Do not add OPTIONS: the gateway answers preflight requests itself.',
  'cors.allowMethods.invalid': 'Allowed methods are GET, POST, PUT, DELETE, PATCH, HEAD or *.',
  'cors.allowHeaders.tooMany': 'At most 50 allowed headers.',
  'cors.exposeHeaders.tooMany': 'At most 50 exposed headers.',
  'cors.header.format': 'A header name has letters, digits and - only (or * to allow all).',
  'cors.credentialsWithWildcard':
    'When credentials are allowed, the allowed origins cannot contain *: list the origins.',
  'cors.maxAge.range': 'Max age is a whole number of seconds from 0 to 86400.',
  'function.name.tooLong': 'A function name has at most 64 characters.',
  'function.cpu.range': 'vCPU is a multiple of 0.05 from 0.05 to 16.',
  'function.cpu.ratio': 'vCPU to memory (in GB) must be from 1:1 to 1:4.',
  'function.diskSize.values': 'Disk size is 512 or 10240 MB.',
  'function.runtime.invalid': 'Choose a supported runtime.',
  'function.handler.format': 'A handler is 1 to 128 characters, such as index.handler.',
  'function.handler.path': 'A handler names a file inside the code: no leading /, no .. segments, no backslashes.',
  'function.timeout.range': 'Timeout is a whole number of seconds from 1 to 86400.',
  'function.memorySize.range': 'Memory is a multiple of 64 MB from 128 to 32768.',
  'function.instanceConcurrency.range': 'Instance concurrency is a whole number from 1 to 200.',
  'function.code.required': 'The function needs code: a base64 zip file.',
  'function.code.base64': 'The code must be a base64-encoded zip file.',
  'function.command.required': 'A custom runtime needs a start command.',
  'function.image.required': 'A custom-container function needs customContainerConfig.image.',
  'function.port.range': 'The port is a whole number from 1 to 65535.',
  'function.env.key': 'An environment variable name has letters, digits and _, and does not start with a digit.',
  'function.env.duplicate': 'Each environment variable name can be used once.',
  'async.maxAge.range': 'The maximum event age is 1 to 604800 seconds.',
  'async.retries.range': 'Retry attempts are 0 to 8.',
  'jwt.paths.exclusive': 'Set a whitelist or a blacklist, not both.',
  'list.limit.range': 'Limit is a whole number from 1 to 100.',
  'region.unknown': 'Choose one of Function Compute’s regions, such as cn-hangzhou.',
  'asyncTask.status.invalid':
    'A task status is one of Enqueued, Dequeued, Running, Succeeded, Failed, Stopped, Stopping, Expired, Invalid, Retrying.',
  'asyncTask.id.format': 'A task ID has 1 to 128 letters, digits, underscores (_), hyphens (-) and dots (.).',
  'asyncTask.id.header':
    'A task ID starts with a letter or an underscore (_), then letters, digits, underscores and hyphens (-); at most 128 characters.',
  'asyncTask.time.format': 'A time is a whole number of milliseconds since the epoch.',
  'asyncTask.prefix.tooLong': 'A prefix has at most 128 characters.',
  'asyncTask.sortOrder.invalid': 'sortOrderByTime is asc or desc.',
  'asyncTask.includePayload.invalid': 'includePayload is true or false.',
  'testRequest.path.format': 'A path starts with /.',
  'testRequest.header.format': 'Not a valid header name.',
  'testRequest.name.tooLong': 'Up to 64 characters.',
  'domainTest.body.tooLong': 'A test request body has at most 64 KB.',
  'code.path.format': 'A file path is relative to the code root: no leading /, no .. segments, no backslashes.',
  'code.files.required': 'Deploy at least one changed file.',
  'code.files.duplicate': 'Each file path can be given once.',
  'domain.name.required': 'Enter a domain name.',
  'domain.name.tooLong': 'A domain name has at most 256 characters.',
  'domain.name.format':
    'Use labels of letters, digits and hyphens (at most 63 each, not starting with a hyphen) separated by dots, ending with a top-level domain of letters, such as api.example.com or *.example.com.',
  'domain.protocol.invalid': 'The protocol is HTTP, HTTPS or HTTP,HTTPS.',
  'domain.routes.tooMany': 'A custom domain has at most 100 routes.',
  'domain.route.path.format':
    'A route path starts with /, has no spaces, ? or #, and may end with * to match every path that begins with it.',
  'domain.rewrite.rule': 'A rewrite rule needs a matching rule and a replacement.',
  'domain.rewrite.regex': 'This is not a valid regular expression.',
  'domain.rewrite.regexLinear':
    'Backreferences (\\1, \\k<name>), lookaround ((?=, (?!, (?<=, (?<!) and repetitions counted above 16, also when nested ({17}, {0,100}, (a{4}){5}) are not supported: the gateway runs every rule in time linear in the path.',
  'domain.rewrite.regexCost':
    "These regex rules are too large: a route's regex rules together (so any one rule) may cost at most 128, where every character costs 1, a character class as many as its separate ranges ([a-z] 1, [aceg] 4, [^/] 2), . 4, \\d 1, \\w 4 and \\s 10, a repetition counted n times costs n copies of what it repeats, and a capture group costs 2 more. The gateway runs every rule over the whole path on each request.",
  'domain.rewrite.tooMany': 'At most 100 rules of each kind.',
  'domain.auth.type': 'The authentication type is anonymous, function or jwt.',
  'domain.auth.info': 'The authentication information is at most 64 KB of JSON.',
  'domain.cert.required': 'A certificate needs its name, its PEM certificate and its PEM private key.',
  'domain.cert.https': 'HTTPS needs a certificate.',
} as const;

export type ValidationMessageKey = keyof typeof validationMessages;

/** The English text of a message key, or the message itself when it is not a key (zod's own). */
export function validationText(message: string): string {
  return (validationMessages as Record<string, string>)[message] ?? message;
}

/** One line per issue, each naming the field, for API error messages (InvalidArgument). */
export function describeIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  prefix = '',
): string {
  return issues
    .map((issue) => {
      const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
      return field ? `${field}: ${validationText(issue.message)}` : validationText(issue.message);
    })
    .join(' ');
}
