# The Python event-function runtime: standard library only, run by the machine's python3 inside the
# function's own process. It speaks node-runner.cjs's protocol to the engine: JSON lines over the
# IPC channel Node opened for the child (its fd is in NODE_CHANNEL_FD).
#
# Engine -> runner: {t: 'invoke', id, event: str (UTF-8) | eventBase64: str, context: {requestId}}
#                   {t: 'preStop'}: run the preStop hook, then exit
# Runner -> engine: {t: 'log', id, text} (id None: printed outside an invocation)
#                   {t: 'phase', id, phase: 'initializer' | 'handler'} (as node-runner.cjs)
#                   {t: 'result', id, ok: true, value} | {t: 'result', id, ok: true, base64} (bytes)
#                   {t: 'result', id, ok: false, code, errorType, message, stackTrace}
# One invocation at a time per instance, as FC runs event functions.
import base64
import datetime
import importlib
import io
import json
import logging
import os
import socket
import sys
import threading
import traceback
import uuid

CONFIG = json.loads(sys.argv[1])
# The channel is the runner's, not the function's: its code sees neither variable.
CHANNEL = socket.socket(fileno=int(os.environ.pop('NODE_CHANNEL_FD')))
os.environ.pop('NODE_CHANNEL_SERIALIZATION_MODE', None)
SEND_LOCK = threading.Lock()
RUNNER_FILE = os.path.abspath(__file__)
# Python 3.12's context has no credentials or service, and carries version and qualifier itself.
IS_312_CONTEXT = CONFIG['runtime'] == 'python3.12'


class Current:
    """The running invocation, or the last one: output after answering still carries its request id."""

    id = None
    request_id = None


def send(message):
    line = (json.dumps(message, ensure_ascii=True) + '\n').encode('ascii')
    with SEND_LOCK:
        try:
            CHANNEL.sendall(line)
        except OSError:
            os._exit(0)


def send_log(text):
    send({'t': 'log', 'id': Current.id, 'text': text})


class ChannelOutput(io.TextIOBase):
    """print() and sys.stderr: each line, as written, into the running invocation's log."""

    encoding = 'utf-8'
    errors = 'replace'

    def __init__(self, fd):
        self._fd = fd
        self._buffer = ''
        self._lock = threading.Lock()

    def writable(self):
        return True

    def fileno(self):
        return self._fd

    def write(self, text):
        text = str(text)
        with self._lock:
            self._buffer += text
            *lines, self._buffer = self._buffer.split('\n')
        for line in lines:
            send_log(line)
        return len(text)

    def flush(self):
        with self._lock:
            rest, self._buffer = self._buffer, ''
        if rest:
            send_log(rest)


class FcFormatter(logging.Formatter):
    """FC's Python log line: `2017-07-05T05:13:35.920Z <request id> [INFO] message`."""

    def format(self, record):
        stamp = datetime.datetime.fromtimestamp(record.created, datetime.timezone.utc)
        record.fc_time = stamp.strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (stamp.microsecond // 1000)
        record.fc_request_id = Current.request_id or '-'
        return super().format(record)


class ChannelHandler(logging.Handler):
    def emit(self, record):
        try:
            send_log(self.format(record))
        except Exception:
            self.handleError(record)


def setup_output():
    sys.stdout = ChannelOutput(1)
    sys.stderr = ChannelOutput(2)
    handler = ChannelHandler()
    handler.setFormatter(FcFormatter('%(fc_time)s %(fc_request_id)s [%(levelname)s] %(message)s'))
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(logging.INFO)


class Record:
    def __init__(self, **fields):
        self.__dict__.update(fields)

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, self.__dict__)


class Credentials(Record):
    pass


class FunctionMeta(Record):
    pass


class ServiceMeta(Record):
    pass


class Tracing(Record):
    pass


class FCContext(Record):
    def getLogger(self):
        return self.logger


def version_id():
    qualifier = CONFIG['qualifier']
    return qualifier if qualifier == 'LATEST' or qualifier.isdigit() else ''


def make_context(request_id):
    logger = logging.getLogger('fc.context')
    function = {
        'name': CONFIG['functionName'],
        'handler': CONFIG['handler'],
        'memory': CONFIG['memory'],
        'timeout': CONFIG['timeout'],
    }
    common = {
        'request_id': request_id,
        'region': CONFIG['region'],
        'account_id': CONFIG['accountId'],
        'logger': logger,
    }
    if IS_312_CONTEXT:
        meta = FunctionMeta(version_id=version_id(), qualifier=CONFIG['qualifier'], **function)
        return FCContext(function=meta, log_project='', log_store='', **common)
    # The engine holds no role credentials; its own AccessKey never reaches a function.
    return FCContext(
        function=FunctionMeta(**function),
        credentials=Credentials(access_key_id='', access_key_secret='', security_token=''),
        service=ServiceMeta(
            name='', log_project='', log_store='', qualifier=CONFIG['qualifier'], version_id=version_id()
        ),
        tracing=Tracing(span_context=None, jaeger_endpoint=None, span_baggages=None),
        **common,
    )


class HandlerNotFound(Exception):
    pass


def load_function(handler):
    dot = handler.rfind('.')
    if dot <= 0 or dot == len(handler) - 1:
        raise HandlerNotFound('Invalid handler "%s": expected <file>.<function>' % handler)
    file, name = handler[:dot], handler[dot + 1 :]
    module_name = file.replace('/', '.')
    if not os.path.exists(os.path.join(CONFIG['codeDir'], file + '.py')) and not os.path.isdir(
        os.path.join(CONFIG['codeDir'], file)
    ):
        raise HandlerNotFound('Module "%s" not found: %s.py is not in the code' % (module_name, file))
    module = importlib.import_module(module_name)
    fn = getattr(module, name, None)
    if not callable(fn):
        raise HandlerNotFound('Handler "%s" is not a function defined in %s.py' % (name, file))
    return fn


def own_traceback(error):
    """The traceback from the function's own code on: the runner's call into it is left out."""
    tb = error.__traceback__
    while tb is not None and os.path.abspath(tb.tb_frame.f_code.co_filename) == RUNNER_FILE:
        tb = tb.tb_next
    return tb


def stack_of(error):
    frames = traceback.format_list(traceback.extract_tb(own_traceback(error)))
    return [frame.rstrip('\n') for frame in frames]


def log_error(error):
    lines = traceback.format_exception(type(error), error, own_traceback(error))
    logging.getLogger().error(''.join(lines).rstrip('\n'))


def failure(invocation_id, code, error):
    return {
        't': 'result',
        'id': invocation_id,
        'ok': False,
        'code': code,
        'errorType': 'HandlerNotFound' if isinstance(error, HandlerNotFound) else type(error).__name__,
        'message': str(error),
        'stackTrace': [] if isinstance(error, HandlerNotFound) else stack_of(error),
    }


def answer(invocation_id, value):
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {'t': 'result', 'id': invocation_id, 'ok': True, 'base64': base64.b64encode(value).decode('ascii')}
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as error:
        message = 'The result cannot be serialized: %s' % error
        return {'t': 'result', 'id': invocation_id, 'ok': False, 'code': 'BadResponse', 'message': message}
    return {'t': 'result', 'id': invocation_id, 'ok': True, 'value': value}


class Loaded:
    fn = None
    error = None
    code = None


def load():
    """Loading at start-up takes it out of the first request's latency; a failed load is tried again."""
    Loaded.fn = Loaded.error = Loaded.code = None
    try:
        Loaded.fn = load_function(CONFIG['handler'])
    except HandlerNotFound as error:
        Loaded.error, Loaded.code = error, 'HandlerNotFound'
    except Exception as error:
        Loaded.error, Loaded.code = error, 'UnhandledInvocationError'


def invoke(message):
    Current.id = message['id']
    Current.request_id = message['context']['requestId']
    if Loaded.fn is None:
        load()
    if Loaded.fn is None:
        error = Loaded.error
        log_error(error)
        flush_output()
        send(failure(message['id'], Loaded.code, error))
        Loaded.fn = None
        return
    if 'event' in message:
        event = message['event'].encode('utf-8', 'surrogatepass')
    else:
        event = base64.b64decode(message['eventBase64'])
    try:
        initialize()
        value = Loaded.fn(event, make_context(Current.request_id))
    except Exception as error:
        code = 'HandlerNotFound' if isinstance(error, HandlerNotFound) else 'UnhandledInvocationError'
        log_error(error)
        flush_output()
        send(failure(message['id'], code, error))
        return
    flush_output()
    send(answer(message['id'], value))


class Initialized:
    done = not CONFIG.get('initializer')


def initialize():
    """The initializer, once per instance before its first request; one that fails is run again next time."""
    if Initialized.done:
        return
    # The engine times the initializer against its own timeout, then the handler against the function's.
    send({'t': 'phase', 'id': Current.id, 'phase': 'initializer'})
    initializer = load_function(CONFIG['initializer'])
    initializer(make_context(Current.request_id))
    Initialized.done = True
    flush_output()
    send({'t': 'phase', 'id': Current.id, 'phase': 'handler'})


def pre_stop():
    """FC's preStop hook, when the instance is reclaimed; the engine kills one that runs past its timeout."""
    Current.id = None
    Current.request_id = str(uuid.uuid4())
    try:
        load_function(CONFIG['preStop'])(make_context(Current.request_id))
    except Exception as error:
        log_error(error)
    flush_output()
    os._exit(0)


def flush_output():
    sys.stdout.flush()
    sys.stderr.flush()


def main():
    setup_output()
    sys.path.insert(0, CONFIG['codeDir'])
    load()
    reader = CHANNEL.makefile('rb')
    for line in reader:
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if isinstance(message, dict) and message.get('t') == 'invoke':
            invoke(message)
        elif isinstance(message, dict) and message.get('t') == 'preStop':
            pre_stop()
    # The engine went away: nobody can call this instance any more.
    os._exit(0)


main()
