"""What can go wrong with a device, said plainly for the cashier (故障提示).

Each fault has a stable ``code`` (events, logs, the support bundle and the UI key on it),
a short Chinese and English text, and a fix the cashier or the store's IT can follow. The
UI translates by code; these texts are the sources and the fallback.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    INFO = "info"  # all is well again, or something worth knowing
    WARNING = "warning"  # keeps working, but act soon (paper near end)
    ERROR = "error"  # stops the device until someone acts


@dataclass(frozen=True, slots=True)
class Fault:
    code: str
    severity: Severity
    zh: str
    en: str
    fix_zh: str = ""
    fix_en: str = ""

    def text(self, language: str = "zh") -> str:
        return self.zh if language.startswith("zh") else self.en

    def fix(self, language: str = "zh") -> str:
        return self.fix_zh if language.startswith("zh") else self.fix_en


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

FAULTS: dict[str, Fault] = {
    f.code: f
    for f in (
        # receipt and label printers
        Fault("printer_paper_out", _E, "打印机缺纸", "Printer is out of paper",
              "装入新纸卷并合上盖子，小票会自动补打。", "Load a new paper roll and close the cover; the receipt prints by itself."),
        Fault("printer_paper_near_end", _W, "打印纸即将用完", "Paper roll is nearly used up",
              "请准备更换纸卷。", "Have a new paper roll ready."),
        Fault("printer_cover_open", _E, "打印机盖未合上", "Printer cover is open",
              "合上打印机盖。", "Close the printer cover."),
        Fault("printer_offline", _E, "打印机离线", "Printer is offline",
              "检查打印机是否开机、指示灯是否报错；按一下 FEED 键。", "Check the printer is on and its light shows no error; press FEED once."),
        Fault("printer_cutter_error", _E, "打印机切刀故障", "Printer cutter is jammed",
              "关机，打开盖子清除卡纸，再开机。", "Switch off, open the cover, clear the jam, switch on."),
        Fault("printer_unreachable", _E, "连接不上打印机", "Cannot reach the printer",
              "检查电源、网线或 USB 线；网络打印机请确认 IP 地址。", "Check power and the network or USB cable; for a network printer check its IP address."),
        Fault("printer_timeout", _E, "打印机无响应", "Printer does not respond",
              "打印机可能忙或死机：关机 10 秒再开。", "The printer may be busy or hung: switch it off for 10 seconds and on again."),
        Fault("printer_busy", _W, "打印机被其他程序占用", "Printer is in use by another program",
              "关闭其他收银或打印软件后重试。", "Close other till or printing software and try again."),
        Fault("printer_status_unknown", _W, "打印机未回报状态", "Printer did not report its status",
              "无法确认是否打印成功；请查看小票，如需要请重打。若此打印机不支持状态查询，请在设备设置中关闭状态确认。",
              "Cannot confirm the print; check the receipt and reprint if needed. If this printer cannot report status, turn status checks off in its settings."),
        Fault("printer_write_failed", _E, "发送到打印机失败", "Could not send to the printer",
              "检查连接线后重试。", "Check the cable and try again."),
        Fault("printer_recovered", _I, "打印机已恢复", "Printer is ready again"),
        Fault("printer_status", _I, "打印机状态已更新", "Printer status changed"),
        Fault("print_job_done", _I, "已打印", "Printed"),
        Fault("print_job_queued", _I, "已加入打印队列", "Queued for printing"),
        Fault("printer_wrong_codepage", _W, "小票中文乱码", "Chinese prints as garbage",
              "打印编码测试页，选择能正确显示中文的那一种编码（GB18030、GBK 或 Big5）。",
              "Print the code page test and pick the encoding whose line reads correctly (GB18030, GBK or Big5)."),
        # USB and serial access
        Fault("usb_permission_denied", _E, "没有权限访问 USB 设备", "No permission to use the USB device",
              "添加 udev 规则后重新插拔设备：{udev_rule}", "Add this udev rule, then unplug and replug the device: {udev_rule}"),
        Fault("usb_driver_missing", _E, "缺少 USB 驱动 (libusb)", "USB support (libusb) is missing",
              "安装 libusb-1.0。", "Install libusb-1.0."),
        Fault("serial_permission_denied", _E, "没有权限访问串口", "No permission to use the serial port",
              "把收银用户加入 dialout 组：sudo usermod -aG dialout 用户名，然后重新登录。",
              "Add the till user to the dialout group: sudo usermod -aG dialout USER, then log in again."),
        Fault("serial_port_missing", _E, "串口不存在", "Serial port not found",
              "检查串口线或 USB 转串口线是否插好。", "Check the serial or USB-serial cable is plugged in."),
        # cash drawer
        Fault("drawer_opened", _I, "钱箱已打开", "Cash drawer opened"),
        Fault("drawer_closed", _I, "钱箱已关闭", "Cash drawer is closed"),
        Fault("drawer_not_opened", _E, "钱箱没有打开", "Cash drawer did not open",
              "检查钱箱线是否插在打印机的钱箱口，钱箱锁是否锁上。",
              "Check the drawer cable is in the printer's drawer port and the drawer is not locked."),
        Fault("drawer_sensor_unknown", _W, "无法读取钱箱状态", "Cannot read the drawer sensor",
              "此钱箱可能没有传感器。", "This drawer may have no sensor."),
        # scanner, scale, display, camera
        Fault("scanner_disconnected", _E, "扫码枪已断开", "Scanner disconnected",
              "重新插好扫码枪。", "Plug the scanner back in."),
        Fault("scale_unstable", _W, "秤未稳定", "Scale is not steady", "等待读数稳定。", "Wait for the reading to settle."),
        Fault("scale_overload", _E, "秤超载", "Scale is overloaded", "取下部分商品。", "Take some goods off the scale."),
        Fault("scale_no_data", _E, "收不到秤的数据", "No data from the scale",
              "检查串口线和波特率设置。", "Check the serial cable and the baud rate setting."),
        Fault("display_unreachable", _E, "客显连接失败", "Customer display not reachable",
              "检查客显串口线和波特率。", "Check the display's serial cable and baud rate."),
        Fault("camera_unavailable", _E, "摄像头不可用", "Camera unavailable",
              "检查摄像头是否被其他程序占用。", "Check no other program is using the camera."),
        Fault("device_arrived", _I, "设备已连接", "Device connected"),
        Fault("device_departed", _W, "设备已断开", "Device disconnected"),
    )
}


def fault(code: str) -> Fault:
    """The fault called ``code``; an unknown code gets a generic fault rather than an error."""
    found = FAULTS.get(code)
    if found is not None:
        return found
    return Fault(code, Severity.ERROR, f"设备故障（{code}）", f"Device fault ({code})")


def udev_rule(vendor_id: int) -> str:
    """The udev rule that lets the till user open a USB device of ``vendor_id``."""
    return f'SUBSYSTEM=="usb", ATTR{{idVendor}}=="{vendor_id:04x}", MODE="0666"'
