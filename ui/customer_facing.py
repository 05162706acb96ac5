"""What the customer sees while the cashier sells: the pole display and/or the second screen.

The checkout tells this one object about the ticket and the payment; it drives whichever of the
till's customer displays ``devices.json`` configures. Pole-display writes happen on its own
thread, so nothing here waits on a serial port.
"""

from __future__ import annotations

from hardware.families import CustomerDisplayDevice
from ui.api import Ticket
from ui.customer_display import CustomerDisplay
from ui.formats import format_qty


class CustomerFacing:
    def __init__(self, pole: CustomerDisplayDevice | None = None, screen: CustomerDisplay | None = None) -> None:
        self.pole = pole
        self.screen = screen
        self._showing_change = False  # the change stays up until the next customer's first item

    def show_ticket(self, ticket: Ticket | None) -> None:
        """The lines so far and the running total (总计 lamp); an empty ticket shows the welcome."""
        lines = [line for line in ticket.lines if not line.voided] if ticket is not None else []
        if not lines:
            if not self._showing_change:
                self.welcome()
            return
        self._showing_change = False
        if self.pole is not None:
            self.pole.show_total(ticket.total if ticket is not None else 0)
        if self.screen is not None:
            self.screen.set_lines([(line.name, format_qty(line.quantity, line.unit), line.amount) for line in lines])
            self.screen.set_total(ticket.total if ticket is not None else 0)
            self.screen.change.setText("")

    def show_payment(self, total: int, paid: int, change: int) -> None:
        """找零: the change (找零 lamp) once the sale is complete."""
        self._showing_change = True
        if self.pole is not None:
            self.pole.show_change(change)
        if self.screen is not None:
            self.screen.set_total(total)
            self.screen.set_payment(paid, change)

    def show_due(self, amount: int, caption: str) -> None:
        """付款码: the amount the customer is asked to confirm on the phone."""
        self._showing_change = False
        if self.pole is not None:
            self.pole.show_total(amount)
        if self.screen is not None:
            self.screen.set_total(amount)
            self.screen.change.setText(caption)

    def welcome(self) -> None:
        if self.pole is not None:
            self.pole.clear()
        if self.screen is not None:
            self.screen.clear()

    def close(self) -> None:
        if self.pole is not None:
            self.pole.close()
        if self.screen is not None:
            self.screen.close()
