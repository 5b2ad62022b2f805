"""pygls' protocol, held to the letter of JSON-RPC and LSP where a client would otherwise wait
forever or see requests served out of turn: every request gets an answer, even a broken one."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException, JsonRpcInvalidRequest, JsonRpcParseError
from pygls.protocol import LanguageServerProtocol

log = logging.getLogger(__name__)
SERVER_NOT_INITIALIZED = -32002  # LSP's code for a request that comes before `initialize`


@dataclass(frozen=True)
class _Unreadable:
    """A request whose parameters do not fit its method: answered with the error."""

    id: int | str
    error: JsonRpcException


class Protocol(LanguageServerProtocol):
    """Answers what pygls drops: a request it cannot read (Invalid Params), one that is not a
    JSON-RPC message (Invalid Request), one before `initialize` (Server Not Initialized) or
    after `shutdown` (Invalid Request); notifications before `initialize` are dropped, as LSP asks."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            request_id = data.get("id")
            if "method" in data and isinstance(request_id, (int, str)) and not isinstance(request_id, bool):
                log.warning("answering request %r (%s): %s", request_id, data.get("method"), error)
                return _Unreadable(request_id, error)
            raise  # a notification that cannot be read is dropped (and logged)

    def handle_message(self, message: Any) -> None:
        if isinstance(message, _Unreadable):
            self._reply_error(message.id, message.error.code, message.error.message)
            return
        if not isinstance(getattr(message, "jsonrpc", None), str):
            log.warning("not a JSON-RPC message: %.200r", message)
            self._reply_error(_id_of(message), JsonRpcInvalidRequest.CODE,
                              "Invalid Request: not a JSON-RPC 2.0 message")
            return
        method = getattr(message, "method", None)
        is_request = method is not None and hasattr(message, "id")
        if method is not None and self._workspace is None and method not in (lsp.INITIALIZE, lsp.EXIT):
            if is_request:
                self._reply_error(message.id, SERVER_NOT_INITIALIZED, "the server is not initialized yet")
            return  # a notification before initialize is dropped
        if is_request and self._shutdown and method != lsp.EXIT:
            self._reply_error(message.id, JsonRpcInvalidRequest.CODE, "Invalid Request: the server is shutting down")
            return
        super().handle_message(message)

    def reply_parse_error(self) -> None:
        """The body of a message was not JSON: JSON-RPC answers with id null."""
        self._reply_error(None, JsonRpcParseError.CODE, "Parse error")

    def _reply_error(self, request_id: int | str | None, code: int, message: str) -> None:
        # a plain object: lsprotocol's converter would drop an id that is null
        self._send_data({"jsonrpc": "2.0", "id": request_id, "error": {"code": code, "message": message}})


def _id_of(message: Any) -> int | str | None:
    request_id = message.get("id") if isinstance(message, dict) else None
    return request_id if isinstance(request_id, (int, str)) and not isinstance(request_id, bool) else None


def is_parse_error(error: Exception) -> bool:
    return isinstance(error, (json.JSONDecodeError, UnicodeDecodeError))
