"""Bootstrap (DESIGN.md §3): a new frame asks to pair and waits, showing its pairing picture, until approved."""
from dataclasses import dataclass

from .client import DeviceClient, Unreachable

BOOTSTRAP_PATH = "/api/display/bootstrap"


@dataclass(frozen=True)
class Pending:
    human_id: str
    code: str
    image_path: str | None
    retry_after_s: float


@dataclass(frozen=True)
class Approved:
    human_id: str
    token: str


class PairingRefused(Exception):
    """The server will not pair this frame as configured (bad hardware id, unknown panel…); waiting will not help soon."""


def bootstrap(client: DeviceClient, hardware_id: str, width: int, height: int, panel: str | None, firmware: str) -> Pending | Approved:
    body = {"hardware_id": hardware_id, "horizontal_pixels": width, "vertical_pixels": height, "firmware": firmware}
    if panel:
        body["panel"] = panel
    answer = client.request("POST", BOOTSTRAP_PATH, body=body)
    try:
        return _outcome(client, answer)
    except (KeyError, TypeError, AttributeError) as err:
        raise Unreachable(f"bootstrap answered {answer.status} without {err}") from err


def _outcome(client: DeviceClient, answer) -> Pending | Approved:
    if answer.status == 200:
        data = answer.json()
        return Approved(str(data["human_readable_id"]), str(data["token_key"]))
    if answer.status == 202:
        data = answer.json()
        image_url = data.get("image_url")
        retry = data.get("retry_after_s")
        return Pending(
            str(data["human_readable_id"]),
            str(data["pairing_code"]),
            client.path_of(image_url) if isinstance(image_url, str) else None,
            float(retry) if isinstance(retry, (int, float)) and retry > 0 else 10.0,
        )
    if answer.status == 429 or answer.status >= 500:
        raise Unreachable(f"bootstrap answered {answer.status}: {answer.detail()}")
    raise PairingRefused(f"bootstrap answered {answer.status}: {answer.detail()}")
